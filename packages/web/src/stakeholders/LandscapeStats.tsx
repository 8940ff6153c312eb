import type { KeyCountJson, LandscapeStatsJson } from '@openehds/client';
import { BarChart } from '../charts/BarChart';
import type { ChartDatum } from '../charts/chart-data';
import { fmt, formatNumber, nameOf } from '../i18n/format';
import { stakeholdersText as t } from './strings';

const data = (counts: KeyCountJson[], names?: Record<string, string>): ChartDatum[] =>
  counts.map((c) => ({
    label: names ? nameOf(names, c.key) : c.key,
    value: c.count,
    display: formatNumber(c.count),
  }));

/** Landscape statistics of the organisations shown: totals, then the charts (each with its table). */
export function LandscapeStats({ stats }: { stats: LandscapeStatsJson }) {
  const totals: [string, number, string][] = [
    [t.stats.organisations, stats.organisations, 'organisations'],
    [t.stats.people, stats.people, 'people'],
    [t.stats.relationships, stats.relationships, 'relationships'],
    [t.stats.factories, stats.aiFactories.count, 'factories'],
    [t.stats.gpuTotal, stats.aiFactories.gpuTotal, 'gpus'],
    [t.stats.partitions, stats.aiFactories.partitions, 'partitions'],
  ];
  return (
    <div className="stakeholder-stats" data-testid="stakeholder-stats">
      <dl className="stat-tiles">
        {totals.map(([label, value, key]) => (
          <div key={key} data-testid={`stakeholder-stat-${key}`}>
            <dt>{label}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      {stats.aiFactories.services.length > 0 && (
        <p className="muted">{fmt(t.stats.services, { list: stats.aiFactories.services.join(', ') })}</p>
      )}
      <div className="chart-grid">
        <BarChart title={t.stats.byType} data={data(stats.byType, t.types)} valueLabel={t.stats.count} />
        <BarChart title={t.stats.byCountry} data={data(stats.byCountry)} valueLabel={t.stats.count} />
        <BarChart title={t.stats.byRole} data={data(stats.byEhdsRole, t.roles)} valueLabel={t.stats.count} />
        <BarChart
          title={t.stats.byKind}
          data={data(stats.relationshipsByKind, t.kindNames)}
          valueLabel={t.stats.count}
        />
        {stats.aiFactories.gpusByModel.length > 0 && (
          <BarChart
            title={t.stats.gpus}
            data={data(stats.aiFactories.gpusByModel)}
            valueLabel={t.stats.count}
          />
        )}
      </div>
    </div>
  );
}
