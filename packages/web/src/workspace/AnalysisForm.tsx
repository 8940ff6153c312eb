import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { fmt } from '../i18n/format';
import { workspaceApi } from './api';
import {
  exampleGlmDraft,
  glmDraftErrors,
  hubIssueKey,
  toGlmRequest,
  type GlmDraft,
  type GlmFormErrors,
} from './glm-form';
import { GlmFields } from './GlmFields';
import { GlmResultView } from './GlmResultView';
import { workspaceText as t } from './strings';
import type { AnalysisRun } from './types';

/** Two sets of field messages as one. */
function merge(a: GlmFormErrors, b: GlmFormErrors): GlmFormErrors {
  const out: GlmFormErrors = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

/**
 * The federated analysis form (issue 4 §4): a GLM run at every node holding the permit's data; the
 * answer (or the refusal) is shown below it and added to the analyses list.
 */
export function AnalysisForm({ permitId, onDone }: { permitId: string; onDone: (run: AnalysisRun) => void }) {
  const id = useId();
  const [draft, setDraftState] = useState<GlmDraft>(exampleGlmDraft);
  const [checked, setChecked] = useState(false);
  const [hubErrors, setHubErrors] = useState<GlmFormErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<AnalysisRun | null>(null);
  const problems = useRef<HTMLParagraphElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const local = useMemo(() => (checked ? glmDraftErrors(draft) : {}), [checked, draft]);
  const errors = merge(local, hubErrors);
  const count = Object.values(errors).reduce((n, v) => n + v.length, 0);

  function setDraft(next: GlmDraft) {
    setDraftState(next);
    setHubErrors({});
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setChecked(true);
    setError(null);
    if (Object.keys(glmDraftErrors(draft)).length) {
      setTimeout(() => problems.current?.focus(), 0);
      return;
    }
    setRunning(true);
    try {
      const answer = await workspaceApi.analyse(permitId, toGlmRequest(draft));
      setRun(answer);
      onDone(answer);
      setTimeout(() => result.current?.focus(), 0);
    } catch (err) {
      setRun(null);
      if (err instanceof ApiError && err.status === 400 && err.issues.length) {
        const placed: GlmFormErrors = {};
        for (const i of err.issues)
          (placed[hubIssueKey(i.path ?? '', draft.variables)] ??= []).push(i.message);
        setHubErrors(placed);
        setTimeout(() => problems.current?.focus(), 0);
      } else setError(err);
    } finally {
      setRunning(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="glm-form-section">
      <h2 id={`${id}-title`}>{t.form.title}</h2>
      <p className="muted">{t.form.intro}</p>
      <p
        ref={problems}
        tabIndex={-1}
        role="alert"
        className="field-errors fz-focus"
        data-testid="glm-problems"
      >
        {count === 0 ? '' : count === 1 ? t.form.problemsOne : fmt(t.form.problems, { n: count })}
      </p>
      {errors.general?.length ? (
        <ul className="field-errors">
          {errors.general.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
        <GlmFields idPrefix="glm" draft={draft} errors={errors} onChange={setDraft} />
        <div className="actions">
          <button type="submit" className="button" disabled={running} data-testid="glm-run">
            {running ? t.form.running : t.form.run}
          </button>
          <span role="status" className="muted">
            {running ? t.form.running : ''}
          </span>
        </div>
      </form>
      {error != null && <ErrorBox error={error} />}
      <div ref={result} tabIndex={-1} className="fz-focus">
        {run && <GlmResultView run={run} />}
      </div>
    </section>
  );
}
