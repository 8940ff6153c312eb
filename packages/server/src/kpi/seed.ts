import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';

/** The demo's manual KPIs: what the platform cannot measure itself, with targets and monthly values. */
const DEMO_KPIS = [
  {
    key: 'stakeholder.satisfaction',
    title: 'Stakeholder satisfaction',
    unit: 'score',
    description: 'Mean answer (1 to 5) of the quarterly survey of the platform’s stakeholders.',
    target: 4,
    direction: 'higher',
    values: [3.4, 3.5, 3.7, 3.6, 3.9, 4.1],
  },
  {
    key: 'ai-factory.gpu-hours',
    title: 'AI Factory GPU hours used',
    unit: 'hours',
    description: 'GPU hours used at the AI Factory under permits, as invoiced by its operator.',
    target: 500,
    direction: 'higher',
    values: [120, 180, 260, 310, 420, 455],
  },
  {
    key: 'helpdesk.response-days',
    title: 'Median helpdesk response',
    unit: 'days',
    description: 'Median working days to a first answer to applicants’ questions.',
    target: 2,
    direction: 'lower',
    values: [4.5, 4, 3.5, 3, 2.5, 1.5],
  },
] as const;

/** The demo's AI products (Art. 59(1)(k)), without a permit: reported from publications. */
const DEMO_AI_PRODUCTS = [
  {
    name: 'RetinaScreen diabetic retinopathy triage',
    organisation: 'Nordic Vision AI Oy',
    status: 'ce_marked',
    monthsAgo: 4,
  },
  {
    name: 'T2D progression risk model',
    organisation: 'Helsinki Biobank',
    status: 'research_use',
    monthsAgo: 1,
  },
] as const;

/** The first day of the month `monthsAgo` before `now`'s, as `YYYY-MM-DD`. */
function monthStart(now: Date, monthsAgo: number, day = 1): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, day))
    .toISOString()
    .slice(0, 10);
}

/**
 * Seeds the KPI demo (idempotent: a KPI whose key exists, or a product whose name exists, is left as it
 * is): three manual KPIs with targets and a value in each of the last six months, and two AI products.
 * The live KPIs come from what the rest of the demo does.
 */
export async function seedKpiDemo(db: Db, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    for (const k of DEMO_KPIS) {
      const [exists] = await tx.query('SELECT 1 FROM kpi_manual WHERE key = $1', [k.key]);
      if (exists) continue;
      const id = randomUUID();
      await tx.query(
        `INSERT INTO kpi_manual (id, key, title, unit, description, target, direction) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, k.key, k.title, k.unit, k.description, k.target, k.direction],
      );
      for (const [i, v] of k.values.entries())
        await tx.query('INSERT INTO kpi_manual_value (kpi_id, on_date, value) VALUES ($1, $2, $3)', [
          id,
          monthStart(now, k.values.length - 1 - i),
          v,
        ]);
    }
    for (const p of DEMO_AI_PRODUCTS) {
      const [exists] = await tx.query('SELECT 1 FROM ai_product WHERE name = $1', [p.name]);
      if (exists) continue;
      await tx.query(
        `INSERT INTO ai_product (id, name, organisation, reported_on, regulatory_status) VALUES ($1, $2, $3, $4, $5)`,
        [randomUUID(), p.name, p.organisation, monthStart(now, p.monthsAgo, 10), p.status],
      );
    }
  });
}
