import { fmt } from '../i18n/format';
import { Checkbox, CheckboxGroup, Input, Row, Select } from './controls';
import { withType, withVocabulary, type CriterionDraft, type Sex } from './draft';
import { criterionFieldIssues, type CriterionField, type PathIssue } from './field-issues';
import { feasibilityText as t } from './strings';
import { allowsDescendants, isEventType, VOCABULARIES, type CriterionType } from './vocab';

interface Props {
  /** Prefix of every control id, unique in the page (`inc-0-1`). */
  idPrefix: string;
  /** The criterion's path in the definition (`inclusion[0].criteria[1]`, `index.event`). */
  base: string;
  draft: CriterionDraft;
  issues: readonly PathIssue[];
  onChange: (next: CriterionDraft) => void;
  /** The types this criterion may take (the index event takes only dated events). */
  types: readonly CriterionType[];
  legend: string;
  /** Whether a window relative to the index date is offered (not on the index event itself). */
  showWindow: boolean;
  onRemove?: () => void;
  removeLabel?: string;
}

const SEXES: Sex[] = ['male', 'female', 'unknown'];

/** One criterion of the cohort builder: its type and the fields that type takes, each with its errors. */
export function CriterionFields(props: Props) {
  const { idPrefix: p, base, draft: c, issues, onChange, types, legend, showWindow } = props;
  const errs = (field: CriterionField) => criterionFieldIssues(issues, base, field);
  const set = (patch: Partial<CriterionDraft>) => onChange({ ...c, ...patch });
  const self = errs('self');
  const coded =
    c.type === 'condition' || c.type === 'drug' || c.type === 'procedure' || c.type === 'measurement';
  const descendantsAllowed = allowsDescendants(c.vocabulary);

  return (
    <fieldset
      className="fz-criterion"
      data-testid={`criterion-${p}`}
      aria-describedby={self.length ? `${p}-err` : undefined}
    >
      <legend>{legend}</legend>
      {self.length > 0 && (
        <ul id={`${p}-err`} className="field-errors">
          {self.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      <Row>
        <Select
          id={`${p}-type`}
          label={t.criterion.type}
          value={c.type}
          options={types.map((v) => ({ value: v, label: t.types[v] ?? v }))}
          onChange={(type) => onChange(withType(c, type))}
          errors={errs('type')}
          testId={`${p}-type`}
        />
        {coded && (
          <Select
            id={`${p}-vocabulary`}
            label={t.criterion.vocabulary}
            value={c.vocabulary}
            options={VOCABULARIES.map((v) => ({ value: v, label: v }))}
            onChange={(v) => onChange(withVocabulary(c, v))}
            errors={errs('vocabulary')}
            testId={`${p}-vocabulary`}
          />
        )}
        {coded && (
          <Input
            id={`${p}-codes`}
            label={t.criterion.codes}
            hint={t.criterion.codesHint}
            value={c.codes}
            onChange={(codes) => set({ codes })}
            errors={errs('codes')}
            testId={`${p}-codes`}
            spellCheck={false}
          />
        )}
      </Row>
      {coded && (
        <Checkbox
          id={`${p}-descendants`}
          label={t.criterion.descendants}
          hint={descendantsAllowed ? undefined : t.criterion.descendantsNone}
          checked={c.descendants}
          disabled={!descendantsAllowed && !c.descendants}
          onChange={(descendants) => set({ descendants })}
          errors={errs('descendants')}
          testId={`${p}-descendants`}
        />
      )}
      {c.type === 'measurement' && (
        <Row>
          <Input
            id={`${p}-vmin`}
            label={t.criterion.valueMin}
            inputMode="decimal"
            value={c.valueMin}
            onChange={(valueMin) => set({ valueMin })}
            errors={errs('valueMin')}
            testId={`${p}-vmin`}
          />
          <Input
            id={`${p}-vmax`}
            label={t.criterion.valueMax}
            inputMode="decimal"
            value={c.valueMax}
            onChange={(valueMax) => set({ valueMax })}
            errors={errs('valueMax')}
            testId={`${p}-vmax`}
          />
          <Input
            id={`${p}-unit`}
            label={t.criterion.unit}
            hint={t.criterion.unitHint}
            value={c.unit}
            onChange={(unit) => set({ unit })}
            errors={errs('unit')}
            testId={`${p}-unit`}
          />
        </Row>
      )}
      {c.type === 'phenotype' && (
        <Row>
          <Input
            id={`${p}-terms`}
            label={t.criterion.terms}
            hint={t.criterion.termsHint}
            value={c.terms}
            onChange={(terms) => set({ terms })}
            errors={errs('terms')}
            testId={`${p}-terms`}
            spellCheck={false}
          />
          <Select
            id={`${p}-status`}
            label={t.criterion.status}
            value={c.status}
            options={[
              { value: 'present', label: t.criterion.present },
              { value: 'excluded', label: t.criterion.excluded },
            ]}
            onChange={(status) => set({ status })}
            errors={errs('status')}
          />
        </Row>
      )}
      {c.type === 'age' && (
        <Row>
          <Input
            id={`${p}-amin`}
            label={t.criterion.ageMin}
            inputMode="numeric"
            value={c.ageMin}
            onChange={(ageMin) => set({ ageMin })}
            errors={errs('ageMin')}
            testId={`${p}-amin`}
          />
          <Input
            id={`${p}-amax`}
            label={t.criterion.ageMax}
            inputMode="numeric"
            value={c.ageMax}
            onChange={(ageMax) => set({ ageMax })}
            errors={errs('ageMax')}
            testId={`${p}-amax`}
          />
          <Select
            id={`${p}-at`}
            label={t.criterion.ageAt}
            value={c.ageAt}
            options={[
              { value: 'index', label: t.criterion.ageAtIndex },
              { value: 'date', label: t.criterion.ageAtDate },
            ]}
            onChange={(ageAt) => set({ ageAt })}
            errors={c.ageAt === 'index' ? errs('ageDate') : undefined}
          />
          {c.ageAt === 'date' && (
            <Input
              id={`${p}-adate`}
              type="date"
              label={t.criterion.ageDate}
              value={c.ageDate}
              onChange={(ageDate) => set({ ageDate })}
              errors={errs('ageDate')}
            />
          )}
        </Row>
      )}
      {c.type === 'sex' && (
        <CheckboxGroup
          id={`${p}-sex`}
          label={t.criterion.sexes}
          values={c.sexes}
          options={SEXES.map((s) => ({ value: s, label: t.sexes[s] }))}
          onChange={(sexes) => set({ sexes })}
          errors={errs('sexes')}
          testId={`${p}-sex`}
        />
      )}
      {c.type === 'variant' && (
        <>
          <Row>
            <Select
              id={`${p}-assembly`}
              label={t.criterion.assembly}
              value={c.assembly}
              options={[
                { value: 'GRCh38', label: 'GRCh38' },
                { value: 'GRCh37', label: 'GRCh37' },
              ]}
              onChange={(assembly) => set({ assembly })}
              errors={errs('assembly')}
            />
            <Input
              id={`${p}-gene`}
              label={t.criterion.gene}
              hint={t.criterion.geneHint}
              value={c.gene}
              onChange={(gene) => set({ gene })}
              errors={errs('gene')}
              testId={`${p}-gene`}
              spellCheck={false}
            />
            <Select
              id={`${p}-zyg`}
              label={t.criterion.zygosity}
              value={c.zygosity}
              options={[
                { value: '' as const, label: t.criterion.anyZygosity },
                ...(['heterozygous', 'homozygous', 'hemizygous'] as const).map((z) => ({
                  value: z,
                  label: t.zygosities[z],
                })),
              ]}
              onChange={(zygosity) => set({ zygosity })}
              errors={errs('zygosity')}
            />
          </Row>
          <Row>
            <Input
              id={`${p}-chrom`}
              label={t.criterion.chrom}
              value={c.chrom}
              onChange={(chrom) => set({ chrom })}
              errors={errs('chrom')}
              spellCheck={false}
            />
            <Input
              id={`${p}-pos`}
              label={t.criterion.pos}
              inputMode="numeric"
              value={c.pos}
              onChange={(pos) => set({ pos })}
              errors={errs('pos')}
            />
            <Input
              id={`${p}-ref`}
              label={t.criterion.ref}
              value={c.ref}
              onChange={(ref) => set({ ref })}
              errors={errs('ref')}
              spellCheck={false}
            />
            <Input
              id={`${p}-alt`}
              label={t.criterion.alt}
              value={c.alt}
              onChange={(alt) => set({ alt })}
              errors={errs('alt')}
              spellCheck={false}
            />
          </Row>
        </>
      )}
      {isEventType(c.type) && (
        <Row>
          {showWindow && (
            <>
              <Input
                id={`${p}-wstart`}
                label={t.criterion.windowStart}
                hint={t.criterion.windowHint}
                inputMode="numeric"
                value={c.windowStart}
                onChange={(windowStart) => set({ windowStart })}
                errors={errs('windowStart')}
                testId={`${p}-wstart`}
              />
              <Input
                id={`${p}-wend`}
                label={t.criterion.windowEnd}
                inputMode="numeric"
                value={c.windowEnd}
                onChange={(windowEnd) => set({ windowEnd })}
                errors={errs('windowEnd')}
                testId={`${p}-wend`}
              />
            </>
          )}
          <Input
            id={`${p}-from`}
            type="date"
            label={t.criterion.dateFrom}
            value={c.dateFrom}
            onChange={(dateFrom) => set({ dateFrom })}
            errors={errs('dateFrom')}
          />
          <Input
            id={`${p}-to`}
            type="date"
            label={t.criterion.dateTo}
            value={c.dateTo}
            onChange={(dateTo) => set({ dateTo })}
            errors={errs('dateTo')}
          />
        </Row>
      )}
      {props.onRemove && (
        <div className="actions">
          <button
            type="button"
            className="button secondary small"
            onClick={props.onRemove}
            data-testid={`${p}-remove`}
          >
            {props.removeLabel ?? fmt(t.criterion.remove, { n: 1 })}
          </button>
        </div>
      )}
    </fieldset>
  );
}
