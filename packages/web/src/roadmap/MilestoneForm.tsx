import { useState } from 'react';
import {
  MILESTONE_STATUSES,
  type Milestone,
  type MilestoneInput,
  type Recommendation,
} from '@openehds/client';
import { DateField, TextArea, TextField } from '../components/fields';
import { fmt } from '../i18n/format';
import { RoadmapForm } from './RoadmapForm';
import { StatusSelect } from './StatusSelect';
import { roadmapText as t } from './strings';
import { kpiTargetsText, parseKpiTargets } from './timeline';

/** Staff's form to add or edit a milestone: due date, status, the recommendations it carries, KPI targets. */
export function MilestoneForm({
  initial,
  recommendations,
  onSubmit,
  onCancel,
}: {
  initial: Milestone | null;
  recommendations: readonly Recommendation[];
  onSubmit: (input: MilestoneInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [due, setDue] = useState(initial?.dueDate ?? '');
  const [status, setStatus] = useState<string>(initial?.status ?? 'planned');
  const [links, setLinks] = useState<string[]>(initial?.recommendationIds ?? []);
  const [targets, setTargets] = useState(kpiTargetsText(initial?.kpiTargets ?? []));
  const [targetError, setTargetError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <RoadmapForm
      prefix="ms"
      testId="milestone-form"
      title={initial ? t.editMilestone : t.addMilestone}
      error={error}
      onCancel={onCancel}
      onSubmit={() => {
        setError(null);
        const parsed = parseKpiTargets(targets);
        if ('bad' in parsed) return setTargetError(fmt(t.fTargetsBad, { part: parsed.bad }));
        setTargetError(null);
        onSubmit({
          title,
          dueDate: due,
          status: status as MilestoneInput['status'],
          recommendationIds: links,
          kpiTargets: parsed.targets,
        }).catch(setError);
      }}
    >
      <TextField label={t.fTitle} value={title} onChange={setTitle} required testId="ms-title" />
      <DateField label={t.fDue} value={due} onChange={setDue} required testId="ms-due" />
      <StatusSelect
        id="ms-status"
        label={t.fStatus}
        value={status}
        options={MILESTONE_STATUSES}
        names={t.msStatuses}
        onChange={setStatus}
        testId="ms-status"
      />
      <fieldset className="roadmap-links">
        <legend>{t.fLinks}</legend>
        {recommendations.map((r) => (
          <div key={r.id} className="roadmap-link">
            <input
              id={`ms-link-${r.id}`}
              type="checkbox"
              checked={links.includes(r.id)}
              data-testid={`ms-link-${r.id}`}
              onChange={(e) =>
                setLinks(e.target.checked ? [...links, r.id] : links.filter((x) => x !== r.id))
              }
            />
            <label htmlFor={`ms-link-${r.id}`}>{r.title}</label>
          </div>
        ))}
      </fieldset>
      <TextArea
        label={t.fTargets}
        hint={t.fTargetsHint}
        value={targets}
        onChange={setTargets}
        rows={2}
        testId="ms-targets"
        {...(targetError ? { errors: [targetError] } : {})}
      />
    </RoadmapForm>
  );
}
