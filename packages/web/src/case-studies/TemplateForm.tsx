import type { ApiIssue } from '@openehds/client';
import { TextArea, TextField } from '../components/fields';
import { fieldErrors, TEXT_SECTIONS, type CaseStudyForm } from './draft';
import { caseStudiesText as t } from './strings';

const HINTS: Record<(typeof TEXT_SECTIONS)[number], string> = {
  problem: t.editor.problemHint,
  method: t.editor.methodHint,
  validation: t.editor.validationHint,
  results: t.editor.resultsHint,
  pathway: t.editor.pathwayHint,
  lessons: t.editor.lessonsHint,
};

/** The template's sections as labelled fields, each with the hub's messages beside it. Exported for tests. */
export function TemplateForm(props: {
  form: CaseStudyForm;
  issues: readonly ApiIssue[];
  onChange: (form: CaseStudyForm) => void;
}) {
  const { form, issues, onChange } = props;
  // The value, change handler and the hub's messages of one field of the template.
  const field = (key: keyof CaseStudyForm) => ({
    value: form[key],
    onChange: (value: string) => onChange({ ...form, [key]: value }),
    errors: fieldErrors(issues, key),
  });
  return (
    <div className="case-study-template">
      <TextField label={t.editor.titleLabel} {...field('title')} required testId="case-study-field-title" />
      <TextArea
        label={t.sections.problem}
        hint={HINTS.problem}
        {...field('problem')}
        rows={5}
        testId="case-study-field-problem"
      />
      <TextArea
        label={t.editor.datasetsLabel}
        hint={t.editor.datasetsHint}
        {...field('datasets')}
        rows={3}
        testId="case-study-field-datasets"
      />
      <TextArea
        label={t.editor.permitsLabel}
        hint={t.editor.permitsHint}
        {...field('permits')}
        rows={2}
        testId="case-study-field-permits"
      />
      {TEXT_SECTIONS.filter((s) => s !== 'problem').map((s) => (
        <TextArea
          key={s}
          label={t.sections[s]}
          hint={HINTS[s]}
          {...field(s)}
          rows={5}
          testId={`case-study-field-${s}`}
        />
      ))}
      <TextField
        label={t.editor.tagsLabel}
        hint={t.editor.tagsHint}
        {...field('tags')}
        testId="case-study-field-tags"
      />
      <TextField
        label={t.editor.countriesLabel}
        hint={t.editor.countriesHint}
        {...field('countries')}
        testId="case-study-field-countries"
      />
      <TextField
        label={t.editor.useCaseLabel}
        hint={t.editor.useCaseHint}
        {...field('useCaseId')}
        testId="case-study-field-use-case"
      />
    </div>
  );
}
