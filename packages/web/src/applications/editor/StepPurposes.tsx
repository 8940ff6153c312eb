import { PUBLIC_BODY_PURPOSES, PURPOSE_LETTER, PURPOSES } from '@openehds/client';
import { fmt } from '../../i18n/format';
import { purposeSelectable, toggle } from '../content-edit';
import { fieldDomId } from '../issue-fields';
import { Group, TextBox } from '../form-fields';
import { applicationsText as t } from '../strings';
import { useEditor } from './editor-context';

const EXPLAIN_ID = 'purposes-public-body-only';

/**
 * Art. 53(1) purposes. (a)–(c) are reserved to verified public sector and EU bodies (Art. 53(2)):
 * for anyone else they are disabled, with the reason linked to each, unless already chosen (so an
 * earlier choice can still be removed; the hub reports it as an issue meanwhile).
 */
export function PurposesGroup() {
  const { content, set, msgs, verifiedPublicBody } = useEditor();
  const chosen = content.purposes ?? [];
  return (
    <Group path="purposes" legend={t.fields.purposes} hint={t.fields.purposesHint} {...msgs('purposes')}>
      {!verifiedPublicBody && (
        <p id={EXPLAIN_ID} className="hint">
          {t.publicBodyOnly}
        </p>
      )}
      <ul className="option-list">
        {PURPOSES.map((p) => {
          const selectable = purposeSelectable(p, verifiedPublicBody, chosen);
          const reserved = !verifiedPublicBody && PUBLIC_BODY_PURPOSES.includes(p);
          const id = fieldDomId(`purposes.${p}`);
          return (
            <li key={p} className={selectable ? '' : 'disabled'}>
              <input
                type="checkbox"
                id={id}
                checked={chosen.includes(p)}
                disabled={!selectable}
                aria-describedby={reserved ? EXPLAIN_ID : undefined}
                onChange={(e) => set('purposes', toggle(chosen, p, e.target.checked, PURPOSES))}
              />
              <label htmlFor={id}>
                {t.purposes[p]}{' '}
                <span className="muted">({fmt(t.purposeLetter, { letter: PURPOSE_LETTER[p] })})</span>
              </label>
            </li>
          );
        })}
      </ul>
    </Group>
  );
}

/** Art. 67(2)(c): the intended use and its expected benefit. */
export function UseAndBenefit() {
  const { kind, content, set, msgs } = useEditor();
  return (
    <TextBox
      path="useAndBenefit"
      label={kind === 'application' ? t.fields.useAndBenefit : t.fields.useAndBenefitRequest}
      hint={t.fields.useAndBenefitHint}
      value={content.useAndBenefit ?? ''}
      onChange={(v) => set('useAndBenefit', v)}
      rows={6}
      required
      {...msgs('useAndBenefit')}
    />
  );
}
