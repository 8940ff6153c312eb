import { Checkbox, Input, Row, Select } from '../feasibility/controls';
import { allowsDescendants, VOCABULARIES } from '../feasibility/vocab';
import { analysisText as a } from './analysis-strings';
import { AnalysisFormShell } from './AnalysisFormShell';
import { EVENT_DOMAINS, exampleKmDraft, kmDraftErrors, kmIssueKey, toKmRequest, withDomain } from './km-form';
import { workspaceText as t } from './strings';
import { useAnalysisDraft, type AnalysisDraftRules } from './use-analysis-draft';
import { CATEGORICAL_KINDS, emptyVariable } from './variables-form';
import { VariableRowFields } from './VariableRowFields';
import type { AnalysisRun } from './types';

const KM: AnalysisDraftRules<ReturnType<typeof exampleKmDraft>> = {
  example: exampleKmDraft,
  errorsOf: kmDraftErrors,
  toRequest: toKmRequest,
  issueKey: kmIssueKey,
};

/** Kaplan–Meier curves of a survival variable, optionally one per group (issue 4 §4). */
export function KmForm({ permitId, onDone }: { permitId: string; onDone: (run: AnalysisRun) => void }) {
  const { draft, setDraft, errors, shell } = useAnalysisDraft(permitId, onDone, KM);
  const coded = draft.domain !== 'death';
  return (
    <AnalysisFormShell title={a.km.title} intro={a.km.intro} testId="km" {...shell}>
      <fieldset className="fz-criterion" data-testid="km-survival">
        <legend>{a.km.survival}</legend>
        <Row>
          <Input
            id="km-name"
            label={a.km.name}
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            errors={errors.name}
            testId="km-name"
            spellCheck={false}
          />
          <Select
            id="km-domain"
            label={a.km.domain}
            value={draft.domain}
            options={EVENT_DOMAINS.map((d) => ({ value: d, label: a.km.domains[d] ?? d }))}
            onChange={(domain) => setDraft(withDomain(draft, domain))}
            errors={errors.domain}
            testId="km-domain"
          />
          {coded && (
            <Select
              id="km-vocab"
              label={t.form.vocabulary}
              value={draft.vocabulary}
              options={VOCABULARIES.map((v) => ({ value: v, label: v }))}
              onChange={(vocabulary) =>
                setDraft({
                  ...draft,
                  vocabulary,
                  descendants: draft.descendants && allowsDescendants(vocabulary),
                })
              }
            />
          )}
          {coded && (
            <Input
              id="km-codes"
              label={t.form.codes}
              hint={t.form.codesHint}
              value={draft.codes}
              onChange={(codes) => setDraft({ ...draft, codes })}
              errors={errors.codes}
              testId="km-codes"
              spellCheck={false}
            />
          )}
        </Row>
        {coded && (
          <Checkbox
            id="km-desc"
            label={t.form.descendants}
            checked={draft.descendants}
            disabled={!allowsDescendants(draft.vocabulary) && !draft.descendants}
            onChange={(descendants) => setDraft({ ...draft, descendants })}
            errors={errors.descendants}
          />
        )}
      </fieldset>
      <fieldset className="fz-criterion" data-testid="km-group">
        <legend>{a.km.group}</legend>
        {draft.group ? (
          <>
            <VariableRowFields
              id="km-group"
              testId="km-group"
              row={draft.group}
              kinds={CATEGORICAL_KINDS}
              errors={errors}
              onChange={(group) => setDraft({ ...draft, group })}
            />
            <div className="actions">
              <button
                type="button"
                className="button secondary small"
                onClick={() => setDraft({ ...draft, group: null })}
              >
                {a.km.groupRemove}
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="muted">{a.km.groupNone}</p>
            <button
              type="button"
              className="button secondary small"
              data-testid="km-group-add"
              onClick={() => setDraft({ ...draft, group: { ...emptyVariable('sex'), name: 'sex' } })}
            >
              {a.km.groupAdd}
            </button>
          </>
        )}
      </fieldset>
      <Input
        id="km-interval"
        label={a.km.intervalDays}
        hint={a.km.intervalHint}
        value={draft.intervalDays}
        inputMode="numeric"
        onChange={(intervalDays) => setDraft({ ...draft, intervalDays })}
        errors={errors.intervalDays}
        testId="km-interval"
      />
    </AnalysisFormShell>
  );
}
