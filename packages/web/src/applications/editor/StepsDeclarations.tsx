import { ETHICS_STATUSES, PROHIBITED_USES, type StatisticalTable } from '@openehds/client';
import { fmt } from '../../i18n/format';
import { toggle } from '../content-edit';
import { CheckboxInput, Group, ListInput, SelectInput, TextBox, TextInput } from '../form-fields';
import { applicationsText as t } from '../strings';
import { useEditor } from './editor-context';

const ETHICS_OPTIONS = ETHICS_STATUSES.map((s) => ({ value: s, label: t.ethicsStatuses[s] }));

/** Art. 67(2)(j): ethics review, with the committee and reference once approved. */
export function StepEthics() {
  const { content, set, msgs } = useEditor();
  const ethics = content.ethics ?? {};
  return (
    <Group path="ethics" legend={t.stepNames.ethics} {...msgs('ethics')}>
      <SelectInput
        path="ethics.status"
        label={t.fields.ethicsStatus}
        value={ethics.status}
        options={ETHICS_OPTIONS}
        onChange={(v) => set('ethics', { ...ethics, status: v })}
        required
        {...msgs('ethics.status')}
      />
      {ethics.status && ethics.status !== 'not_required' && (
        <div className="two-col">
          <TextInput
            path="ethics.committee"
            label={t.fields.ethicsCommittee}
            value={ethics.committee ?? ''}
            onChange={(v) => set('ethics', { ...ethics, committee: v })}
            required={ethics.status === 'approved'}
            {...msgs('ethics.committee')}
          />
          <TextInput
            path="ethics.reference"
            label={t.fields.ethicsReference}
            value={ethics.reference ?? ''}
            onChange={(v) => set('ethics', { ...ethics, reference: v })}
            required={ethics.status === 'approved'}
            {...msgs('ethics.reference')}
          />
        </div>
      )}
    </Group>
  );
}

/** Art. 67(2)(k) / 69(2)(g): an exception to the opt-out (Art. 71(4)), justified. */
export function StepOptOut() {
  const { content, set, msgs } = useEditor();
  const opt = content.optOutException ?? {};
  return (
    <>
      <CheckboxInput
        path="optOutException.requested"
        label={t.fields.optOutRequested}
        hint={t.fields.optOutHint}
        checked={Boolean(opt.requested)}
        onChange={(v) => set('optOutException', { ...opt, requested: v })}
        {...msgs('optOutException.requested')}
      />
      {opt.requested && (
        <TextBox
          path="optOutException.justification"
          label={t.fields.optOutJustification}
          value={opt.justification ?? ''}
          onChange={(v) => set('optOutException', { ...opt, justification: v })}
          required
          {...msgs('optOutException.justification')}
        />
      )}
    </>
  );
}

/** Art. 54: the five declarations; then commercial use and disease codes (for DUO matching). */
export function StepDeclarations() {
  const { content, set, msgs } = useEditor();
  const declared = content.declarations ?? [];
  return (
    <>
      <Group
        path="declarations"
        legend={t.fields.declarations}
        hint={t.fields.declarationsHint}
        {...msgs('declarations')}
      >
        {PROHIBITED_USES.map((use) => (
          <CheckboxInput
            key={use}
            path={`declarations.${use}`}
            label={t.prohibited[use]}
            checked={declared.includes(use)}
            onChange={(on) => set('declarations', toggle(declared, use, on, PROHIBITED_USES))}
            {...msgs(`declarations.${use}`)}
          />
        ))}
      </Group>
      <CheckboxInput
        path="commercial"
        label={t.fields.commercial}
        checked={Boolean(content.commercial)}
        onChange={(v) => set('commercial', v)}
        {...msgs('commercial')}
      />
      <ListInput
        path="diseaseCodes"
        label={t.fields.diseaseCodes}
        hint={t.fields.diseaseCodesHint}
        value={content.diseaseCodes}
        onChange={(v) => set('diseaseCodes', v)}
        upper
        {...msgs('diseaseCodes')}
      />
    </>
  );
}

/** Art. 69(2)(d): the statistics wanted, as tables of a measure by dimensions. */
export function StepStatistics() {
  const { content, set, update, msgs } = useEditor();
  const sc = content.statisticalContent ?? {};
  const tables = sc.tables ?? [];
  const setTables = (next: StatisticalTable[]) =>
    update((c) => ({ ...c, statisticalContent: { ...c.statisticalContent, tables: next } }));
  const change = (i: number, patch: Partial<StatisticalTable>) =>
    setTables(tables.map((tb, n) => (n === i ? { ...tb, ...patch } : tb)));
  return (
    <>
      <TextBox
        path="statisticalContent.description"
        label={t.fields.statisticalDescription}
        hint={t.fields.statisticalDescriptionHint}
        value={sc.description ?? ''}
        onChange={(v) => set('statisticalContent', { ...sc, description: v })}
        rows={6}
        required
        {...msgs('statisticalContent.description')}
      />
      <Group
        path="statisticalContent.tables"
        legend={t.fields.tables}
        hint={t.fields.tablesHint}
        {...msgs('statisticalContent.tables')}
      >
        {tables.map((tb, i) => {
          const base = `statisticalContent.tables.${i}`;
          return (
            <Group key={i} path={base} legend={fmt(t.fields.tableN, { n: i + 1 })} {...msgs(base)}>
              <div className="two-col">
                <TextInput
                  path={`${base}.measure`}
                  label={t.fields.measure}
                  value={tb.measure}
                  onChange={(v) => change(i, { measure: v })}
                  required
                  {...msgs(`${base}.measure`)}
                />
                <ListInput
                  path={`${base}.dimensions`}
                  label={t.fields.dimensions}
                  hint={t.fields.dimensionsHint}
                  value={tb.dimensions}
                  onChange={(v) => change(i, { dimensions: v })}
                  {...msgs(`${base}.dimensions`)}
                />
              </div>
              <TextInput
                path={`${base}.population`}
                label={t.fields.population}
                value={tb.population ?? ''}
                onChange={(v) => change(i, { population: v })}
                {...msgs(`${base}.population`)}
              />
              <button
                type="button"
                className="button secondary small"
                onClick={() => setTables(tables.filter((_, n) => n !== i))}
              >
                {fmt(t.fields.removeTable, { n: i + 1 })}
              </button>
            </Group>
          );
        })}
        <button
          type="button"
          className="button secondary"
          onClick={() => setTables([...tables, { measure: '', dimensions: [] }])}
        >
          {t.fields.addTable}
        </button>
      </Group>
    </>
  );
}
