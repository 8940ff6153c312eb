import { useId, useState } from 'react';
import type { DataUseCondition } from '@openehds/client';
import { DateField, FieldErrors, TextField } from '../components/fields';
import {
  DUO_MODIFIERS,
  DUO_PERMISSIONS,
  duoIri,
  duoText,
  duoTerm,
  patchCondition,
  primaryOf,
  setPermission,
  toggleModifier,
  type DuoWebTerm,
} from '../catalogue/duo';
import { joinList, splitList } from './draft-form';

type Errs = (path: string) => string[] | undefined;

/**
 * The holder's editor of the dataset's GA4GH DUO data-use conditions (EHDS.md §16): one primary
 * permission and any modifiers, with the parameters a term needs (DS diseases, GS countries, TS and
 * MOR dates). The node validates them; its messages appear beside the condition they are about.
 */
export function DataUseConditions({
  value,
  onChange,
  errs,
}: {
  value: readonly DataUseCondition[] | undefined;
  onChange: (next: DataUseCondition[]) => void;
  errs: Errs;
}) {
  const id = useId();
  const list = value ?? [];
  const primary = primaryOf(list);
  const primaryTerm = primary ? duoTerm(primary.code) : undefined;
  const indexOf = (t: DuoWebTerm) => list.findIndex((c) => duoTerm(c.code)?.id === t.id);
  const at = (i: number, field = '') => errs(`dataUse.${i}${field}`) ?? [];
  const topErrors = errs('dataUse') ?? [];

  return (
    <fieldset
      className={`data-use ${topErrors.length ? 'has-error' : ''}`}
      aria-describedby={`${id}-intro${topErrors.length ? ` ${id}-err` : ''}`}
      data-testid="data-use-editor"
    >
      <legend>{duoText.editorTitle}</legend>
      <p id={`${id}-intro`} className="hint">
        {duoText.editorIntro}
      </p>
      <FieldErrors id={`${id}-err`} errors={topErrors} />
      <fieldset>
        <legend>{duoText.permission}</legend>
        <ul className="checkbox-grid">
          <li>
            <input
              type="radio"
              id={`${id}-perm-none`}
              name={`${id}-perm`}
              checked={!primaryTerm}
              onChange={() => onChange(setPermission(list, null))}
            />
            <label htmlFor={`${id}-perm-none`}>{duoText.noPermission}</label>
          </li>
          {DUO_PERMISSIONS.map((t) => (
            <li key={t.id}>
              <input
                type="radio"
                id={`${id}-perm-${t.shorthand}`}
                name={`${id}-perm`}
                value={t.id}
                checked={primaryTerm?.id === t.id}
                data-testid={`duo-${t.shorthand}`}
                onChange={() => onChange(setPermission(list, t.id))}
              />
              <TermLabel htmlFor={`${id}-perm-${t.shorthand}`} term={t} />
            </li>
          ))}
        </ul>
        {primaryTerm && (
          <>
            <FieldErrors id={`${id}-perm-err`} errors={at(indexOf(primaryTerm), '.code')} />
            <TermParameters
              term={primaryTerm}
              condition={list[indexOf(primaryTerm)]!}
              errors={(field) => at(indexOf(primaryTerm), field)}
              onChange={(patch) => onChange(patchCondition(list, primaryTerm.id, patch))}
            />
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{duoText.modifiers}</legend>
        <ul className="checkbox-grid">
          {DUO_MODIFIERS.map((t) => {
            const i = indexOf(t);
            return (
              <li key={t.id}>
                <input
                  type="checkbox"
                  id={`${id}-mod-${t.shorthand}`}
                  checked={i >= 0}
                  data-testid={`duo-${t.shorthand}`}
                  onChange={(e) => onChange(toggleModifier(list, t.id, e.target.checked))}
                />
                <TermLabel htmlFor={`${id}-mod-${t.shorthand}`} term={t} />
                {i >= 0 && (
                  <>
                    <FieldErrors id={`${id}-mod-${t.shorthand}-err`} errors={[...at(i), ...at(i, '.code')]} />
                    <TermParameters
                      term={t}
                      condition={list[i]!}
                      errors={(field) => at(i, field)}
                      onChange={(patch) => onChange(patchCondition(list, t.id, patch))}
                    />
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
    </fieldset>
  );
}

function TermLabel({ htmlFor, term }: { htmlFor: string; term: DuoWebTerm }) {
  return (
    <label htmlFor={htmlFor}>
      <abbr title={term.label}>{term.shorthand}</abbr> {term.label}{' '}
      <a className="muted" href={duoIri(term.id)} target="_blank" rel="noreferrer">
        ({term.id})
      </a>
    </label>
  );
}

/** The inputs for the parameters a term takes; nothing for terms without parameters. */
function TermParameters({
  term,
  condition,
  errors,
  onChange,
}: {
  term: DuoWebTerm;
  condition: DataUseCondition;
  errors: (field: string) => string[];
  onChange: (patch: Partial<Omit<DataUseCondition, 'code'>>) => void;
}) {
  if (!term.params.length) return null;
  return (
    <div className="two-col">
      {term.params.includes('diseaseCodes') && (
        <ListField
          label={duoText.diseaseCodesField}
          hint={duoText.diseaseCodesHint}
          value={condition.diseaseCodes}
          errors={errors('.diseaseCodes')}
          onChange={(diseaseCodes) => onChange({ diseaseCodes })}
          testId="duo-disease-codes"
        />
      )}
      {term.params.includes('countries') && (
        <ListField
          label={duoText.countriesField}
          hint={duoText.countriesHint}
          value={condition.countries}
          errors={errors('.countries')}
          onChange={(countries) => onChange({ countries })}
          testId="duo-countries"
        />
      )}
      {term.params.includes('until') && (
        <DateField
          label={`${duoText.untilField} (${term.shorthand})`}
          value={condition.until ?? ''}
          errors={errors('.until')}
          onChange={(until) => onChange({ until: until || undefined })}
        />
      )}
      {term.params.includes('months') && (
        <MonthsField
          value={condition.months}
          errors={errors('.months')}
          onChange={(months) => onChange({ months })}
        />
      )}
    </div>
  );
}

/**
 * A comma-separated list input. The typed text is kept as typed (a trailing comma does not vanish)
 * while it still means the same list as the value; otherwise the value is shown.
 */
function ListField(props: {
  label: string;
  hint: string;
  value: readonly string[] | undefined;
  errors: string[];
  onChange: (list: string[]) => void;
  testId: string;
}) {
  const [text, setText] = useState(joinList(props.value));
  const same = joinList(splitList(text)) === joinList(props.value);
  return (
    <TextField
      label={props.label}
      hint={props.hint}
      value={same ? text : joinList(props.value)}
      errors={props.errors}
      testId={props.testId}
      onChange={(v) => {
        setText(v);
        props.onChange(splitList(v));
      }}
    />
  );
}

/** A whole number of months; anything else leaves the limit unset, so the node says what is missing. */
function MonthsField(props: {
  value: number | undefined;
  errors: string[];
  onChange: (months: number | undefined) => void;
}) {
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  const parsed = /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
  return (
    <TextField
      label={duoText.monthsField}
      value={
        parsed === props.value || (parsed === undefined && props.value === undefined)
          ? text
          : String(props.value ?? '')
      }
      errors={props.errors}
      onChange={(v) => {
        setText(v);
        props.onChange(/^\d+$/.test(v.trim()) ? Number(v.trim()) : undefined);
      }}
    />
  );
}
