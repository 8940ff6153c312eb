import type { DatasetStatistics } from '@openehds/client';
import { BarChart } from '../charts/BarChart';
import { fillYears, toDatum } from '../charts/chart-data';
import { PopulationPyramid } from '../charts/PopulationPyramid';
import { TimeChart } from '../charts/TimeChart';
import { en } from '../i18n/en';
import { fmt, formatNumber } from '../i18n/format';
import { conditionLabel } from './condition-label';
import { periodText } from './description-text';

/** Key statistics with charts; suppressed cells read "<threshold" and are never drawn as numbers. */
export function StatisticsSection({ stats }: { stats: DatasetStatistics | null }) {
  if (!stats) {
    return (
      <section aria-labelledby="stats-title" className="card">
        <h2 id="stats-title">{en.dataset.statistics}</h2>
        <p>{en.dataset.noStatistics}</p>
      </section>
    );
  }
  const t = stats.smallCellThreshold;
  const tiles = [
    {
      label: en.dataset.individuals,
      value: stats.numberOfUniqueIndividuals == null ? '–' : formatNumber(stats.numberOfUniqueIndividuals),
    },
    {
      label: en.dataset.records,
      value: stats.numberOfRecords == null ? '–' : formatNumber(stats.numberOfRecords),
    },
    {
      label: en.dataset.ageRange,
      value:
        stats.minTypicalAge == null || stats.maxTypicalAge == null
          ? '–'
          : fmt(en.dataset.ageRangeValue, { min: stats.minTypicalAge, max: stats.maxTypicalAge }),
    },
    {
      label: en.dataset.period,
      value: periodText(stats.temporal) || '–',
    },
  ];
  // Empty tables (e.g. no observation periods) are left out of the chart; suppressed ones stay, labelled.
  const tables = Object.entries(stats.recordsByTable)
    .filter(([, n]) => n !== 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  return (
    <section aria-labelledby="stats-title" className="card">
      <h2 id="stats-title">{en.dataset.statistics}</h2>
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
          <strong>{en.dataset.codingSystems}:</strong> {stats.codingSystems.join(', ')}
        </p>
      )}
      <p className="muted">{fmt(en.dataset.suppressedNote, { n: t })}</p>
      <div className="chart-grid">
        {stats.pyramid.length > 0 && (
          <PopulationPyramid title={en.dataset.pyramid} cells={stats.pyramid} threshold={t} />
        )}
        {stats.recordsPerYear.length > 0 && (
          <TimeChart
            title={en.dataset.perYear}
            kind="bar"
            data={fillYears(stats.recordsPerYear).map((p) => toDatum(String(p.year), p, t))}
          />
        )}
        {stats.topConditions.length > 0 && (
          <BarChart
            title={en.dataset.topConditions}
            data={stats.topConditions.map((c) => toDatum(conditionLabel(c), c, t))}
          />
        )}
        {tables.length > 0 && (
          <BarChart
            title={en.dataset.byTable}
            categoryLabel={en.dataset.table}
            data={tables.map(([table, n]) => toDatum(table, { count: n, suppressed: n === null }, t))}
          />
        )}
      </div>
    </section>
  );
}
