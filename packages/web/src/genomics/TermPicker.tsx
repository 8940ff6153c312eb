import { useState, type KeyboardEvent } from 'react';
import { fmt } from '../i18n/format';
import { genomicsText as t } from './strings';
import { suggestTerms, typedTerm, type TermOption } from './term-suggest';

/**
 * Picks HPO terms with a typeahead: an ARIA 1.2 combobox (input + listbox, arrow keys, Enter to pick,
 * Escape to close), the picked terms listed with a remove button each, the count of suggestions
 * announced (WCAG 4.1.2, 4.1.3). `terms` is null when the list could not be loaded: full codes typed
 * in are still accepted.
 */
export function TermPicker(props: {
  id: string;
  terms: readonly TermOption[] | null;
  picked: readonly string[];
  onChange: (picked: string[]) => void;
  errors?: string[];
}) {
  const { id, terms, picked, onChange, errors } = props;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState('');
  const options = terms ? suggestTerms(terms, text, picked) : [];
  const listId = `${id}-list`;
  const shown = open && options.length > 0;
  const labelOf = (termId: string) => terms?.find((o) => o.id === termId)?.label ?? '';
  const messages = [...(problem ? [problem] : []), ...(errors ?? [])];
  const describedBy = [`${id}-hint`, messages.length ? `${id}-err` : ''].filter(Boolean).join(' ');

  function pick(termId: string) {
    if (!picked.includes(termId)) onChange([...picked, termId]);
    setText('');
    setOpen(false);
    setActive(-1);
    setProblem('');
  }

  function addTyped() {
    const option = active >= 0 ? options[active] : undefined;
    if (option) return pick(option.id);
    if (!text.trim()) return;
    const typed = typedTerm(text, terms);
    if (typed) return pick(typed);
    setProblem(
      options.length === 0 && !/^hp:/i.test(text.trim())
        ? fmt(t.phenotypes.noMatch, { text: text.trim() })
        : fmt(t.phenotypes.invalidCode, { text: text.trim() }),
    );
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % options.length);
    } else if (e.key === 'ArrowUp' && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      // Enter picks a term; it must not submit the search half-typed.
      e.preventDefault();
      addTyped();
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className={`field gx-terms ${messages.length ? 'has-error' : ''}`}>
      <label htmlFor={id}>{t.phenotypes.label}</label>
      <div className="gx-combo">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          value={text}
          data-testid="genomics-phenotype-input"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={listId}
          aria-activedescendant={shown && active >= 0 ? `${id}-opt-${active}` : undefined}
          aria-invalid={messages.length ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
            setProblem('');
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <button
          type="button"
          className="button secondary small"
          onClick={addTyped}
          data-testid="genomics-phenotype-add"
        >
          {t.phenotypes.add}
        </button>
        <ul id={listId} role="listbox" aria-label={t.phenotypes.label} className="gx-options" hidden={!shown}>
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-testid={`genomics-term-${o.id}`}
              // Pick on mousedown: a click would come after the input's blur closed the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o.id);
              }}
            >
              <code>{o.id}</code> {o.label}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-hint`} className="hint">
        {terms === null ? t.phenotypes.notLoaded : t.phenotypes.hint}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {open && text.trim()
          ? options.length
            ? fmt(t.phenotypes.suggestions, { n: options.length })
            : fmt(t.phenotypes.noMatch, { text: text.trim() })
          : ''}
      </p>
      {messages.length > 0 && (
        <ul id={`${id}-err`} className="field-errors">
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {picked.length === 0 ? (
        <p className="muted small">{t.phenotypes.none}</p>
      ) : (
        <ul className="tags gx-picked" aria-label={t.phenotypes.picked} data-testid="genomics-picked">
          {picked.map((termId) => {
            const name = labelOf(termId) ? `${termId} ${labelOf(termId)}` : termId;
            return (
              <li key={termId} className="tag">
                {name}{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={fmt(t.phenotypes.remove, { term: name })}
                  onClick={() => onChange(picked.filter((p) => p !== termId))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
