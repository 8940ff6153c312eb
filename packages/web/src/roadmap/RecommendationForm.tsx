import { useState } from 'react';
import { RECOMMENDATION_STATUSES, type Recommendation, type RecommendationInput } from '@openehds/client';
import { DateField, TextArea, TextField } from '../components/fields';
import { RoadmapForm } from './RoadmapForm';
import { StatusSelect } from './StatusSelect';
import { roadmapText as t } from './strings';

/** Staff's form to add or edit a recommendation; the hub validates and lists every bad field. */
export function RecommendationForm({
  initial,
  onSubmit,
  onCancel,
}: {
  initial: Recommendation | null;
  onSubmit: (input: RecommendationInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [rationale, setRationale] = useState(initial?.rationale ?? '');
  const [owner, setOwner] = useState(initial?.owner ?? '');
  const [status, setStatus] = useState<string>(initial?.status ?? 'proposed');
  const [target, setTarget] = useState(initial?.targetDate ?? '');
  const [kpis, setKpis] = useState(initial?.kpiKeys.join(', ') ?? '');
  const [error, setError] = useState<unknown>(null);
  return (
    <RoadmapForm
      prefix="rec"
      testId="recommendation-form"
      title={initial ? t.editRecommendation : t.addRecommendation}
      error={error}
      onCancel={onCancel}
      onSubmit={() => {
        setError(null);
        onSubmit({
          title,
          rationale,
          owner,
          status: status as RecommendationInput['status'],
          targetDate: target || null,
          kpiKeys: kpis
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
        }).catch(setError);
      }}
    >
      <TextField label={t.fTitle} value={title} onChange={setTitle} required testId="rec-title" />
      <TextArea
        label={t.fRationale}
        value={rationale}
        onChange={setRationale}
        required
        testId="rec-rationale"
      />
      <TextField
        label={t.fOwner}
        hint={t.fOwnerHint}
        value={owner}
        onChange={setOwner}
        required
        testId="rec-owner"
      />
      <StatusSelect
        id="rec-status"
        label={t.fStatus}
        value={status}
        options={RECOMMENDATION_STATUSES}
        names={t.recStatuses}
        onChange={setStatus}
        testId="rec-status"
      />
      <DateField label={t.fTarget} value={target} onChange={setTarget} testId="rec-target" />
      <TextField label={t.fKpis} hint={t.fKpisHint} value={kpis} onChange={setKpis} testId="rec-kpis" />
    </RoadmapForm>
  );
}
