import { useId } from 'react';
import { fmt } from '../i18n/format';
import type { PathIssue } from './field-issues';
import { feasibilityText as t } from './strings';

interface Props {
  value: string;
  onChange: (text: string) => void;
  onApply: () => void;
  onReset: () => void;
  /** Problems of the last "apply", each with its field path. */
  issues: readonly PathIssue[];
  /** Whether the text differs from the builder (an edit or a paste not yet applied). */
  edited: boolean;
}

/** The definition as JSON: see what is sent, or paste one and load it into the builder. */
export function JsonPanel({ value, onChange, onApply, onReset, issues, edited }: Props) {
  const id = useId();
  const errId = `${id}-err`;
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="cohort-json-panel">
      <h2 id={`${id}-title`}>{t.json.title}</h2>
      <div className={`field ${issues.length ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-text`}>{t.json.label}</label>
        <p id={`${id}-hint`} className="hint">
          {t.json.intro}
        </p>
        <textarea
          id={`${id}-text`}
          className="fz-json"
          rows={16}
          spellCheck={false}
          value={value}
          data-testid="cohort-json"
          aria-invalid={issues.length ? true : undefined}
          aria-describedby={issues.length ? `${id}-hint ${errId}` : `${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        />
        {issues.length > 0 && (
          <div id={errId}>
            <p className="field-errors">
              {issues.length === 1 ? t.json.invalidOne : fmt(t.json.invalid, { n: issues.length })}
            </p>
            <ul className="field-errors" data-testid="cohort-json-issues">
              {issues.map((i, n) => (
                <li key={n}>
                  <code>{i.path || '(root)'}</code> {i.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="actions">
        <button
          type="button"
          className="button secondary small"
          onClick={onApply}
          data-testid="cohort-json-apply"
        >
          {t.json.apply}
        </button>
        <button type="button" className="button secondary small" onClick={onReset} disabled={!edited}>
          {t.json.show}
        </button>
      </div>
    </section>
  );
}
