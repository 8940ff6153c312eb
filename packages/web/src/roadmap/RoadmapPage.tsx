import { useState } from 'react';
import { RECOMMENDATION_STATUSES, type Milestone, type Recommendation } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDate } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { roadmapApi } from './api';
import { MilestoneForm } from './MilestoneForm';
import { MilestoneTimeline } from './MilestoneTimeline';
import { RecommendationForm } from './RecommendationForm';
import { RecommendationsTable } from './RecommendationsTable';
import { StatusSelect } from './StatusSelect';
import { roadmapText as t } from './strings';
import './roadmap.css';

/** Who may change the roadmap (the hub allows only them). */
export const ROADMAP_WRITERS = ['hdab_staff', 'admin'] as const;

/** The data the roadmap page shows. */
export interface RoadmapData {
  recommendations: Recommendation[];
  milestones: Milestone[];
}

/** /roadmap: loads recommendations and milestones, then the view. */
export function RoadmapPage() {
  const { principal } = useAuth();
  const canEdit = principal !== null && (ROADMAP_WRITERS as readonly string[]).includes(principal.role);
  const data = useAsync(async (signal) => {
    const [recommendations, milestones] = await Promise.all([
      roadmapApi.recommendations({ signal }),
      roadmapApi.milestones(signal),
    ]);
    return { recommendations, milestones };
  }, []);
  return (
    <div className="roadmap">
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {data.error ? (
        <ErrorBox error={data.error} onRetry={data.reload} />
      ) : data.data ? (
        <RoadmapView
          data={data.data}
          canEdit={canEdit}
          onChanged={data.reload}
          today={new Date().toISOString().slice(0, 10)}
        />
      ) : (
        <Loading />
      )}
    </div>
  );
}

/** The recommendations table with its status filter, the milestone timeline, and staff's forms. */
export function RoadmapView({
  data,
  canEdit,
  onChanged,
  today,
}: {
  data: RoadmapData;
  canEdit: boolean;
  onChanged: () => void;
  today: string;
}) {
  const [status, setStatus] = useState('');
  const [editingRec, setEditingRec] = useState<Recommendation | 'new' | null>(null);
  const [editingMs, setEditingMs] = useState<Milestone | 'new' | null>(null);
  const shown = status ? data.recommendations.filter((r) => r.status === status) : data.recommendations;
  const done = () => {
    setEditingRec(null);
    setEditingMs(null);
    onChanged();
  };
  return (
    <>
      <section aria-labelledby="roadmap-recs">
        <h2 id="roadmap-recs">{t.recommendations}</h2>
        <StatusSelect
          id="roadmap-filter"
          label={t.filterStatus}
          value={status}
          options={RECOMMENDATION_STATUSES}
          names={t.recStatuses}
          all={t.allStatuses}
          onChange={setStatus}
          testId="roadmap-filter"
        />
        <RecommendationsTable items={shown} status={status} canEdit={canEdit} onEdit={setEditingRec} />
        {canEdit && editingRec === null && (
          <button
            type="button"
            className="button"
            data-testid="recommendation-add"
            onClick={() => setEditingRec('new')}
          >
            {t.addRecommendation}
          </button>
        )}
        {canEdit && editingRec !== null && (
          <RecommendationForm
            key={editingRec === 'new' ? 'new' : editingRec.id}
            initial={editingRec === 'new' ? null : editingRec}
            onCancel={() => setEditingRec(null)}
            onSubmit={async (input) => {
              if (editingRec === 'new') await roadmapApi.createRecommendation(input);
              else await roadmapApi.updateRecommendation(editingRec.id, input);
              done();
            }}
          />
        )}
      </section>
      <section aria-labelledby="roadmap-milestones">
        <h2 id="roadmap-milestones">{t.milestones}</h2>
        <MilestoneTimeline
          milestones={data.milestones}
          recommendations={data.recommendations}
          today={today}
        />
        {canEdit && (
          <ul className="roadmap-milestone-list">
            {data.milestones.map((m) => (
              <li key={m.id}>
                {formatDate(m.dueDate)} · {m.title}{' '}
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={fmt(t.editLabel, { title: m.title })}
                  data-testid={`milestone-edit-${m.id}`}
                  onClick={() => setEditingMs(m)}
                >
                  {t.edit}
                </button>
              </li>
            ))}
          </ul>
        )}
        {canEdit && editingMs === null && (
          <button
            type="button"
            className="button"
            data-testid="milestone-add"
            onClick={() => setEditingMs('new')}
          >
            {t.addMilestone}
          </button>
        )}
        {canEdit && editingMs !== null && (
          <MilestoneForm
            key={editingMs === 'new' ? 'new' : editingMs.id}
            initial={editingMs === 'new' ? null : editingMs}
            recommendations={data.recommendations}
            onCancel={() => setEditingMs(null)}
            onSubmit={async (input) => {
              if (editingMs === 'new') await roadmapApi.createMilestone(input);
              else await roadmapApi.updateMilestone(editingMs.id, input);
              done();
            }}
          />
        )}
      </section>
    </>
  );
}
