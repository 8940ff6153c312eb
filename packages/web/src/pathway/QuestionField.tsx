import type { PathwayAnswersJson, PathwayQuestionJson } from '@openehds/client';
import { fmt } from '../i18n/format';
import { pathwayText as t } from './strings';

interface Props {
  question: PathwayQuestionJson;
  answers: PathwayAnswersJson;
  onChoose: (option: string, checked: boolean) => void;
  /** Shown when the step was left unanswered. */
  missing: boolean;
}

/**
 * One question as a fieldset of radio buttons (single) or check boxes (multi): a native group, so
 * arrow keys move between radios and the legend names the group (WCAG 1.3.1, 2.1.1).
 */
export function QuestionField({ question: q, answers, onChoose, missing }: Props) {
  const base = `pw-${q.id}`;
  const chosen = answers[q.id];
  const list = typeof chosen === 'string' ? [chosen] : (chosen ?? []);
  const hint = t.hints[q.id];
  const refs = q.cites.map((c) => `${c.instrument} ${c.ref}`).join(', ');
  const described = [hint ? `${base}-hint` : '', `${base}-cites`, missing ? `${base}-err` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={`pathway-question ${missing ? 'has-error' : ''}`}
      aria-describedby={described}
      data-testid={`pathway-q-${q.id}`}
    >
      <legend>{t.questions[q.id] ?? q.id}</legend>
      {hint && (
        <p id={`${base}-hint`} className="hint">
          {hint}
        </p>
      )}
      <p id={`${base}-cites`} className="hint pathway-cites">
        {fmt(t.cites, { refs })}
      </p>
      {missing && (
        <p id={`${base}-err`} className="field-errors">
          {t.answerAll.replace(/:$/, '')}
        </p>
      )}
      <div className="pathway-options">
        {q.options.map((o) => {
          const id = `${base}-${o}`;
          return (
            <div className="pathway-option" key={o}>
              <input
                id={id}
                type={q.kind === 'single' ? 'radio' : 'checkbox'}
                name={q.id}
                value={o}
                checked={list.includes(o)}
                data-testid={`pathway-${q.id}-${o}`}
                onChange={(e) => onChoose(o, e.target.checked)}
              />
              <label htmlFor={id}>{t.options[o] ?? o}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
