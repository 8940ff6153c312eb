import { useState } from 'react';
import { LEGAL_BASES } from '@openehds/client';
import { fieldDomId } from '../issue-fields';
import { Group, ListInput, NumberInput, SelectInput, TextBox, TextInput } from '../form-fields';
import { applicationsText as t } from '../strings';
import { useEditor } from './editor-context';

const LEGAL_BASIS_OPTIONS = LEGAL_BASES.map((b) => ({ value: b, label: t.legalBases[b] }));

/** GDPR Art. 6(1) basis (Art. 67(4) for pseudonymised data; Art. 69(2)(f) for every request). */
export function LegalBasisFields() {
  const { content, set, msgs } = useEditor();
  const lb = content.legalBasis ?? {};
  return (
    <Group path="legalBasis" legend={t.fields.legalBasis} {...msgs('legalBasis')}>
      <SelectInput
        path="legalBasis.article"
        label={t.fields.legalBasisArticle}
        value={lb.article}
        options={LEGAL_BASIS_OPTIONS}
        onChange={(v) => set('legalBasis', { ...lb, article: v })}
        required
        {...msgs('legalBasis.article')}
      />
      <TextBox
        path="legalBasis.explanation"
        label={t.fields.legalBasisExplanation}
        value={lb.explanation ?? ''}
        onChange={(v) => set('legalBasis', { ...lb, explanation: v })}
        rows={3}
        {...msgs('legalBasis.explanation')}
      />
    </Group>
  );
}

/** Art. 67(2)(e): anonymised (the default, Art. 66(2)) or pseudonymised with reasons and a legal basis. */
export function StepDataForm() {
  const { content, set, msgs } = useEditor();
  const choice = (value: 'anonymised' | 'pseudonymised', label: string, hint: string) => {
    const id = fieldDomId(`dataForm.${value}`);
    return (
      <li>
        <input
          type="radio"
          id={id}
          name="dataForm"
          value={value}
          checked={content.dataForm === value}
          onChange={() => set('dataForm', value)}
        />
        <label htmlFor={id}>
          {label}
          <span className="hint option-hint">{hint}</span>
        </label>
      </li>
    );
  };
  return (
    <>
      <Group path="dataForm" legend={t.fields.dataForm} {...msgs('dataForm')}>
        <ul className="option-list">
          {choice('anonymised', t.fields.anonymised, t.fields.anonymisedHint)}
          {choice('pseudonymised', t.fields.pseudonymised, t.fields.pseudonymisedHint)}
        </ul>
      </Group>
      {content.dataForm === 'pseudonymised' && (
        <>
          <TextBox
            path="dataFormJustification"
            label={t.fields.dataFormJustification}
            value={content.dataFormJustification ?? ''}
            onChange={(v) => set('dataFormJustification', v)}
            required
            {...msgs('dataFormJustification')}
          />
          <LegalBasisFields />
        </>
      )}
    </>
  );
}

/** Art. 67(2)(f) own datasets (applications) and (g) / 69(2)(e) safeguards. */
export function StepSafeguards() {
  const { kind, content, set, msgs } = useEditor();
  return (
    <>
      {kind === 'application' && (
        <TextBox
          path="ownDatasets"
          label={t.fields.ownDatasets}
          hint={t.fields.ownDatasetsHint}
          value={content.ownDatasets ?? ''}
          onChange={(v) => set('ownDatasets', v)}
          {...msgs('ownDatasets')}
        />
      )}
      <TextBox
        path="safeguards"
        label={t.fields.safeguards}
        hint={t.fields.safeguardsHint}
        value={content.safeguards ?? ''}
        onChange={(v) => set('safeguards', v)}
        rows={6}
        required
        {...msgs('safeguards')}
      />
    </>
  );
}

/**
 * Art. 67(2)(h): months in the secure processing environment, justified; a verified public body may
 * give its access period and frequency instead (Art. 67(5)). Switching clears the other choice, so
 * the completeness check asks for the right fields.
 */
export function StepSpe() {
  const { content, update, set, msgs, verifiedPublicBody } = useEditor();
  const hasPublic = Boolean(content.publicBodyAccess?.period || content.publicBodyAccess?.frequency);
  const [mode, setMode] = useState<'spe' | 'public'>(verifiedPublicBody && hasPublic ? 'public' : 'spe');
  const choose = (next: 'spe' | 'public') => {
    setMode(next);
    update((c) =>
      next === 'spe'
        ? { ...c, publicBodyAccess: undefined }
        : {
            ...c,
            speMonths: undefined,
            speJustification: undefined,
            publicBodyAccess: c.publicBodyAccess ?? {},
          },
    );
  };
  const access = content.publicBodyAccess ?? {};
  return (
    <>
      {verifiedPublicBody && (
        <fieldset>
          <legend>{t.fields.speChoice}</legend>
          <ul className="option-list">
            {(['spe', 'public'] as const).map((m) => (
              <li key={m}>
                <input
                  type="radio"
                  id={`spe-mode-${m}`}
                  name="spe-mode"
                  checked={mode === m}
                  onChange={() => choose(m)}
                />
                <label htmlFor={`spe-mode-${m}`}>
                  {m === 'spe' ? t.fields.speChoiceSpe : t.fields.speChoicePublic}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {mode === 'spe' ? (
        <>
          <NumberInput
            path="speMonths"
            label={t.fields.speMonths}
            hint={t.fields.speMonthsHint}
            value={content.speMonths}
            min={1}
            max={120}
            onChange={(v) => set('speMonths', v)}
            required
            {...msgs('speMonths')}
          />
          <TextBox
            path="speJustification"
            label={t.fields.speJustification}
            value={content.speJustification ?? ''}
            onChange={(v) => set('speJustification', v)}
            required
            {...msgs('speJustification')}
          />
        </>
      ) : (
        <Group path="publicBodyAccess" legend={t.fields.speChoicePublic} {...msgs('publicBodyAccess')}>
          <TextInput
            path="publicBodyAccess.period"
            label={t.fields.publicPeriod}
            hint={t.fields.publicPeriodHint}
            value={access.period ?? ''}
            onChange={(v) => set('publicBodyAccess', { ...access, period: v })}
            required
            {...msgs('publicBodyAccess.period')}
          />
          <TextInput
            path="publicBodyAccess.frequency"
            label={t.fields.publicFrequency}
            hint={t.fields.publicFrequencyHint}
            value={access.frequency ?? ''}
            onChange={(v) => set('publicBodyAccess', { ...access, frequency: v })}
            required
            {...msgs('publicBodyAccess.frequency')}
          />
        </Group>
      )}
    </>
  );
}

/** Art. 67(2)(i): software, compute and an AI Factory. */
export function StepTools() {
  const { content, set, msgs } = useEditor();
  const tools = content.tools ?? {};
  return (
    <Group path="tools" legend={t.stepNames.tools} {...msgs('tools')}>
      <ListInput
        path="tools.software"
        label={t.fields.software}
        hint={t.fields.softwareHint}
        value={tools.software}
        onChange={(v) => set('tools', { ...tools, software: v })}
        required
        {...msgs('tools.software')}
      />
      <div className="two-col">
        <NumberInput
          path="tools.cpuHours"
          label={t.fields.cpuHours}
          hint={t.fields.computeHint}
          value={tools.cpuHours}
          min={0}
          onChange={(v) => set('tools', { ...tools, cpuHours: v })}
          {...msgs('tools.cpuHours')}
        />
        <NumberInput
          path="tools.gpuHours"
          label={t.fields.gpuHours}
          hint={t.fields.computeHint}
          value={tools.gpuHours}
          min={0}
          onChange={(v) => set('tools', { ...tools, gpuHours: v })}
          {...msgs('tools.gpuHours')}
        />
      </div>
      <TextInput
        path="tools.aiFactory"
        label={t.fields.aiFactory}
        hint={t.fields.aiFactoryHint}
        value={tools.aiFactory ?? ''}
        onChange={(v) => set('tools', { ...tools, aiFactory: v })}
        {...msgs('tools.aiFactory')}
      />
    </Group>
  );
}
