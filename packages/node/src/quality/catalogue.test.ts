import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from './catalogue';
import { KINDS } from './kinds';
import { planChecks } from './plan';

// Conformance artefacts (README rule): EHDS_CONFORMANCE_DIR, else ../shared/conformance beside the repo.
function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'package-lock.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}
const CONFORMANCE = process.env.EHDS_CONFORMANCE_DIR ?? path.resolve(repoRoot(), '../shared/conformance');
const DQD_DIR = path.join(CONFORMANCE, 'omop/dqd-5.4');
const haveDqd = existsSync(DQD_DIR);
if (!haveDqd && process.env.CI === 'true')
  throw new Error(`DQD artefacts missing at ${DQD_DIR} (required in CI)`);
if (!haveDqd) console.warn(`skipping DQD conformance tests: ${DQD_DIR} not found`);

/** Minimal RFC 4180 CSV parser (quoted fields may hold commas and newlines). */
function parseCsv(text: string): Record<string, string | undefined>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('check catalogue', () => {
  it('has unique ids and compiles every check for one day', () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    const plan = planChecks(CHECKS, '2026-06-30');
    expect(plan.flatMap((s) => s.outputs.map((o) => o.checkId)).sort()).toEqual(
      CHECKS.map((c) => c.id).sort(),
    );
    // One scan per table plus the grouping queries: batched, not one query per check.
    expect(plan.length).toBeLessThan(CHECKS.length / 3);
  });

  it('covers the three Kahn categories and every QUANTUM technical dimension', () => {
    expect(new Set(CHECKS.map((c) => c.category))).toEqual(
      new Set(['conformance', 'completeness', 'plausibility']),
    );
    for (const d of [
      'accuracy',
      'coherence',
      'completeness',
      'consistency',
      'precision',
      'validity',
      'provenance',
    ]) {
      expect(
        CHECKS.some((c) => c.dimension === d),
        d,
      ).toBe(true);
    }
  });

  it.skipIf(!haveDqd)('uses DQD 5.4 kind names and Kahn categories for the kinds DQD has', () => {
    const descriptions = parseCsv(
      readFileSync(path.join(DQD_DIR, 'OMOP_CDMv5.4_Check_Descriptions.csv'), 'utf8'),
    );
    const byName = new Map(descriptions.map((d) => [d.checkName, d]));
    for (const [kind, meta] of Object.entries(KINDS)) {
      const dqd = byName.get(kind);
      expect(Boolean(dqd), `${kind} in DQD`).toBe(meta.dqd);
      if (!dqd) continue;
      expect(meta.category, kind).toBe(dqd.kahnCategory?.toLowerCase());
      expect(meta.subcategory, kind).toBe(dqd.kahnSubcategory ?? '');
    }
  });

  it.skipIf(!haveDqd)('takes the thresholds marked DQD 5.4 from DQD’s threshold files', () => {
    const fields = parseCsv(readFileSync(path.join(DQD_DIR, 'OMOP_CDMv5.4_Field_Level.csv'), 'utf8'));
    const tables = parseCsv(readFileSync(path.join(DQD_DIR, 'OMOP_CDMv5.4_Table_Level.csv'), 'utf8'));
    const concepts = parseCsv(readFileSync(path.join(DQD_DIR, 'OMOP_CDMv5.4_Concept_Level.csv'), 'utf8'));
    const genderThresholds = new Set(
      concepts.filter((c) => c.plausibleGender).map((c) => Number(c.plausibleGenderThreshold)),
    );
    let compared = 0;
    for (const check of CHECKS.filter((c) => c.thresholdSource === 'DQD 5.4')) {
      let expected: number;
      if (check.kind === 'plausibleGender') {
        expect([...genderThresholds], check.id).toEqual([check.thresholdPct]);
        continue;
      }
      if (check.field === null) {
        const row = tables.find((t) => t.cdmTableName?.toLowerCase() === check.table);
        expect(row?.[check.kind], check.id).toBe('Yes');
        expected = Number(row?.[`${check.kind}Threshold`]);
      } else {
        const row = fields.find(
          (f) =>
            f.cdmTableName?.toLowerCase() === check.table && f.cdmFieldName?.toLowerCase() === check.field,
        );
        expect(row, check.id).toBeDefined();
        const flag = row?.[check.kind];
        expect(flag === 'Yes' || (flag !== undefined && flag !== '' && flag !== 'No'), check.id).toBe(true);
        expected = Number(row?.[`${check.kind}Threshold`]);
        if (check.kind === 'isForeignKey')
          expect(row?.fkTableName?.toLowerCase(), check.id).toBe(check.params.fkTable);
        if (check.kind === 'plausibleTemporalAfter') {
          expect(row?.plausibleTemporalAfterFieldName?.toLowerCase(), check.id).toBe(check.params.afterField);
        }
        if (
          (check.kind === 'plausibleValueLow' || check.kind === 'plausibleValueHigh') &&
          typeof check.params.value === 'number'
        ) {
          expect(Number(row?.[check.kind]), check.id).toBe(check.params.value);
        }
      }
      expect(check.thresholdPct, check.id).toBe(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});
