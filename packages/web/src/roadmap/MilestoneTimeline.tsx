import type { Milestone, Recommendation } from '@openehds/client';
import { ChartFrame } from '../charts/ChartFrame';
import { fmt, formatDate } from '../i18n/format';
import { roadmapText as t } from './strings';
import { timelineLayout } from './timeline';

/**
 * The roadmap's milestones on an SVG timeline by quarter, with a today line and overdue milestones
 * marked by shape and word, not colour alone (WCAG 1.4.1); the same data as a table (ChartFrame).
 */
export function MilestoneTimeline({
  milestones,
  recommendations,
  today,
}: {
  milestones: readonly Milestone[];
  recommendations: readonly Recommendation[];
  today: string;
}) {
  if (!milestones.length) return null;
  const l = timelineLayout(milestones, today);
  const titleOf = new Map(recommendations.map((r) => [r.id, r.title]));
  const overdue = l.items.filter((i) => i.overdue).length;
  return (
    <ChartFrame
      title={t.timelineTitle}
      summary={fmt(t.timelineSummary, {
        n: l.items.length,
        from: l.quarters[0]!.label,
        to: l.quarters.at(-1)!.label,
        overdue,
        today: formatDate(today),
      })}
      width={l.width}
      height={l.height}
      columns={[t.colDue, t.colMilestone, t.colStatus, t.colLinks]}
      rows={l.items.map((i) => ({
        key: i.id,
        cells: [
          formatDate(i.dueDate),
          i.title,
          `${t.msStatuses[i.status] ?? i.status}${i.overdue ? ` (${t.overdue})` : ''}`,
          [
            ...i.recommendationIds.map((id) => titleOf.get(id) ?? id),
            ...i.kpiTargets.map((k) => `${k.key} = ${k.target}`),
          ].join(' · '),
        ],
      }))}
    >
      <g className="timeline-axis">
        {l.quarters.map((q) => (
          <g key={q.label}>
            <line
              x1={q.x}
              x2={q.x}
              y1={l.axisY - 6}
              y2={l.height}
              className={q.yearStart ? 'year-line' : 'quarter-line'}
            />
            {q.yearStart && (
              <text x={q.x + 3} y={12} className="year-label">
                {q.label.slice(0, 4)}
              </text>
            )}
            <text x={q.x + q.width / 2} y={l.axisY - 10} textAnchor="middle" className="quarter-label">
              {q.label.slice(5)}
            </text>
          </g>
        ))}
      </g>
      {l.todayX !== null && (
        <g className="timeline-today">
          <line x1={l.todayX} x2={l.todayX} y1={l.axisY - 4} y2={l.height} />
          <text x={l.todayX + 3} y={l.height - 4}>
            {t.today}
          </text>
        </g>
      )}
      {l.items.map((i) => (
        <g
          key={i.id}
          className={`timeline-item status-${i.status}${i.overdue ? ' overdue' : ''}`}
          data-testid={`milestone-${i.id}`}
        >
          {i.overdue ? (
            <path d={`M ${i.x} ${i.y - 7} L ${i.x + 7} ${i.y} L ${i.x} ${i.y + 7} L ${i.x - 7} ${i.y} Z`} />
          ) : (
            <circle cx={i.x} cy={i.y} r={6} />
          )}
          <text x={i.anchor === 'start' ? i.x + 10 : i.x - 10} y={i.y + 4} textAnchor={i.anchor}>
            {i.title}
            {i.overdue ? ` — ${t.overdue}` : ''}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}
