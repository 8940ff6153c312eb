import type { DatasetStatistics } from '@openehds/client';
import { BarChart } from '../charts/BarChart';
import { fillYears, toDatum } from '../charts/chart-data';
import { PopulationPyramid } from '../charts/PopulationPyramid';
import { TimeChart } from '../charts/TimeChart';
import { ui } from '../i18n/ui';
import { fmt, formatNumber } from '../i18n/format';
import { conditionLabel } from './condition-label';
import { periodText } from './description-text';

/** Key statistics with charts; suppressed cells read "<threshold" and are never drawn as numbers. */
export function StatisticsSection({ stats }: { stats: DatasetStatistics | null }) {
  if (!stats) {
    return (
      <section aria-labelledby="stats-title" className="card">
        <h2 id="stats-title">{ui.dataset.statistics}</h2>
        <p>{ui.dataset.noStatistics}</p>
      </section>
    );
  }
  const t = stats.smallCellThreshold;
  const tiles = [
    {
      label: ui.dataset.individuals,
      value: stats.numberOfUniqueIndividuals == null ? '–' : formatNumber(stats.numberOfUniqueIndividuals),
    },
    {
      label: ui.dataset.records,
      value: stats.numberOfRecords == null ? '–' : formatNumber(stats.numberOfRecords),
    },
    {
      label: ui.dataset.ageRange,
      value:
        stats.minTypicalAge == null || stats.maxTypicalAge == null
          ? '–'
          : fmt(ui.dataset.ageRangeValue, { min: stats.minTypicalAge, max: stats.maxTypicalAge }),
    },
    {
      label: ui.dataset.period,
      value: periodText(stats.temporal) || '–',
    },
  ];
  // Empty tables (e.g. no observation periods) are left out of the chart; suppressed ones stay, labelled.
  const tables = Object.entries(stats.recordsByTable)
    .filter(([, n]) => n !== 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  return (
    <section aria-labelledby="stats-title" className="card">
      <h2 id="stats-title">{ui.dataset.statistics}</h2>
      <dl className="stat-tiles">
        {tiles.map((tile) => (
          <div key={tile.label} className="stat-tile">
            <dt>{tile.label}</dt>
            <dd>{tile.value}</dd>
          </div>
        ))}
      </dl>
      {stats.codingSystems.length > 0 && (
        <p>
          <strong>{ui.dataset.codingSystems}:</strong> {stats.codingSystems.join(', ')}
        </p>
      )}
      <p className="muted">{fmt(ui.dataset.suppressedNote, { n: t })}</p>
      <div className="chart-grid">
        {stats.pyramid.length > 0 && (
          <PopulationPyramid title={ui.dataset.pyramid} cells={stats.pyramid} threshold={t} />
        )}
        {stats.recordsPerYear.length > 0 && (
          <TimeChart
            title={ui.dataset.perYear}
            kind="bar"
            data={fillYears(stats.recordsPerYear).map((p) => toDatum(String(p.year), p, t))}
          />
        )}
        {stats.topConditions.length > 0 && (
          <BarChart
            title={ui.dataset.topConditions}
            data={stats.topConditions.map((c) => toDatum(conditionLabel(c), c, t))}
          />
        )}
        {tables.length > 0 && (
          <BarChart
            title={ui.dataset.byTable}
            categoryLabel={ui.dataset.table}
            data={tables.map(([table, n]) => toDatum(table, { count: n, suppressed: n === null }, t))}
          />
        )}
      </div>
    </section>
  );
}
