import type { QualityRun } from '../quality/run-quality';
import { codingSystemCodes } from './description';
import type { DatasetStatistics } from './statistics';

/**
 * What a dataset page at the hub shows, as the node publishes it: aggregate counts with small cells
 * already suppressed at the node, and the quality label with its failed checks (counts of rows, never
 * the rows). Pure projections.
 */

/** Key statistics for the dataset page (age/sex pyramid, records over time, top conditions). */
export function pageStatistics(s: DatasetStatistics) {
  return {
    smallCellThreshold: s.smallCellThreshold,
    numberOfRecords: s.numberOfRecords.total.value,
    numberOfUniqueIndividuals: s.numberOfUniqueIndividuals.value,
    minTypicalAge: s.typicalAge.min,
    maxTypicalAge: s.typicalAge.max,
    temporal: s.temporalCoverage.start
      ? { start: s.temporalCoverage.start, end: s.temporalCoverage.end }
      : null,
    // The same coding-system codes as the HealthDCAT-AP description and the catalogue facet.
    codingSystems: codingSystemCodes(s.codingSystems),
    recordsByTable: Object.fromEntries(
      Object.entries(s.numberOfRecords.byTable).map(([t, c]) => [t, c.value]),
    ),
    pyramid: s.agePyramid.map((p) => ({
      band: p.band,
      sex: p.sex,
      count: p.value,
      suppressed: p.suppressed,
    })),
    recordsPerYear: s.recordsPerYear.map((r) => ({ year: r.year, count: r.value, suppressed: r.suppressed })),
    topConditions: s.topConditions.map((c) => ({
      code: c.code,
      vocabulary: c.vocabulary,
      count: c.persons.value,
      suppressed: c.persons.suppressed,
    })),
  };
}

/** The quality label with drill-down to each failed check and how many rows failed. */
export function pageQuality(run: QualityRun) {
  const l = run.label;
  return {
    stars: l.stars,
    score: l.score,
    scheme: l.scheme,
    ranAt: run.ranAt,
    dimensions: l.dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      group: d.group,
      weight: d.weight,
      score: d.basis === 'not assessed' ? null : Math.round(d.score * 1000) / 10,
      source: d.basis === 'not assessed' ? 'not-assessed' : d.basis === 'declared' ? 'declared' : 'measured',
    })),
    checks: { total: l.checks.applicable, passed: l.checks.passed, failed: l.checks.failed },
    failedChecks: run.checks
      .filter((c) => !c.passed && !c.notApplicable)
      .map((c) => ({
        id: c.id,
        category: c.category,
        table: c.table,
        field: c.field,
        rowsFailed: c.rowsFailed,
        rowsChecked: c.rowsChecked,
        pctFailed: c.pctFailed,
        threshold: c.threshold,
        description: c.description,
      })),
    art78: l.art78,
  };
}
