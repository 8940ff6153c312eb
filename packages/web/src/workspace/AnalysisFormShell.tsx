import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { fmt } from '../i18n/format';
import { analysisText as a } from './analysis-strings';
import { AnalysisResultView } from './AnalysisResultView';
import type { FormErrors } from './variables-form';
import type { AnalysisRun } from './types';

interface Props {
  title: string;
  intro: string;
  /** Test-id prefix: `<testId>-form-section`, `<testId>-problems`, `<testId>-run`. */
  testId: string;
  errors: FormErrors;
  running: boolean;
  error: unknown;
  run: AnalysisRun | null;
  problems: RefObject<HTMLParagraphElement | null>;
  result: RefObject<HTMLDivElement | null>;
  onSubmit: () => void;
  children: ReactNode;
}

/**
 * The frame of an analysis form: title, the problem count (an alert, focused when a run is stopped),
 * problems with no field, the fields, the run button with a status, errors, and the answer below.
 */
export function AnalysisFormShell(p: Props) {
  const id = useId();
  const count = Object.values(p.errors).reduce((n, v) => n + v.length, 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    p.onSubmit();
  };
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid={`${p.testId}-form-section`}>
      <h2 id={`${id}-title`}>{p.title}</h2>
      <p className="muted">{p.intro}</p>
      <p
        ref={p.problems}
        tabIndex={-1}
        role="alert"
        className="field-errors fz-focus"
        data-testid={`${p.testId}-problems`}
      >
        {count === 0 ? '' : count === 1 ? a.common.problemsOne : fmt(a.common.problems, { n: count })}
      </p>
      {p.errors.general?.length ? (
        <ul className="field-errors">
          {p.errors.general.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : null}
      <form className="form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        {p.children}
        <div className="actions">
          <button type="submit" className="button" disabled={p.running} data-testid={`${p.testId}-run`}>
            {p.running ? a.common.running : a.common.run}
          </button>
          <span role="status" className="muted">
            {p.running ? a.common.running : ''}
          </span>
        </div>
      </form>
      {p.error != null && <ErrorBox error={p.error} />}
      <div ref={p.result} tabIndex={-1} className="fz-focus">
        {p.run && <AnalysisResultView run={p.run} />}
      </div>
    </section>
  );
}
