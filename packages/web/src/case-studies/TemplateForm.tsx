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
  const set = (key: keyof CaseStudyForm) => (value: string) => onChange({ ...form, [key]: value });
  const errors = (key: keyof CaseStudyForm) => fieldErrors(issues, key);
  return (
    <div className="case-study-template">
      <TextField
        label={t.editor.titleLabel}
        value={form.title}
        onChange={set('title')}
        errors={errors('title')}
        required
        testId="case-study-field-title"
      />
      <TextArea
        label={t.sections.problem}
        hint={HINTS.problem}
        value={form.problem}
        onChange={set('problem')}
        errors={errors('problem')}
        rows={5}
        testId="case-study-field-problem"
      />
      <TextArea
        label={t.editor.datasetsLabel}
        hint={t.editor.datasetsHint}
        value={form.datasets}
        onChange={set('datasets')}
        errors={errors('datasets')}
        rows={3}
        testId="case-study-field-datasets"
      />
      <TextArea
        label={t.editor.permitsLabel}
        hint={t.editor.permitsHint}
        value={form.permits}
        onChange={set('permits')}
        errors={errors('permits')}
        rows={2}
        testId="case-study-field-permits"
      />
      {TEXT_SECTIONS.filter((s) => s !== 'problem').map((s) => (
        <TextArea
          key={s}
          label={t.sections[s]}
          hint={HINTS[s]}
          value={form[s]}
          onChange={set(s)}
          errors={errors(s)}
          rows={5}
          testId={`case-study-field-${s}`}
        />
      ))}
      <TextField
        label={t.editor.tagsLabel}
        hint={t.editor.tagsHint}
        value={form.tags}
        onChange={set('tags')}
        errors={errors('tags')}
        testId="case-study-field-tags"
      />
      <TextField
        label={t.editor.countriesLabel}
        hint={t.editor.countriesHint}
        value={form.countries}
        onChange={set('countries')}
        errors={errors('countries')}
        testId="case-study-field-countries"
      />
      <TextField
        label={t.editor.useCaseLabel}
        hint={t.editor.useCaseHint}
        value={form.useCaseId}
        onChange={set('useCaseId')}
        errors={errors('useCaseId')}
        testId="case-study-field-use-case"
      />
    </div>
  );
}
