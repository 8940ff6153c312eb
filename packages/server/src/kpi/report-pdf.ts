import { renderPdf, type PdfBlock } from '../pdf/renderer';
import type { KpiDashboard, KpiFigure } from './figure';

/** A value with its unit as the report prints it; a dash when nothing was measured. */
export function valueText(v: number | null, unit: string): string {
  if (v === null) return '–';
  const n = Number.isInteger(v) ? String(v) : v.toFixed(1);
  return unit === 'count' ? n : unit === '%' ? `${n} %` : `${n} ${unit}`;
}

const BASIS: Record<KpiFigure['currentBasis'], string> = {
  window: 'over the period',
  now: 'now',
  latest: 'latest recorded',
};

/** Met, not met, or no target. */
export function targetText(k: KpiFigure): string {
  if (k.target === undefined || k.target === null) return 'no target';
  const goal = `${k.direction === 'lower' ? '<=' : '>='} ${valueText(k.target, k.unit)}`;
  return k.met === null || k.met === undefined
    ? `${goal}: no value`
    : `${goal}: ${k.met ? 'met' : 'not met'}`;
}

/**
 * The KPI report as PDF (through ../pdf): a summary table of every KPI with its current value and
 * target, then per KPI its definition, breakdown and monthly values.
 */
export async function kpiPdf(d: KpiDashboard, hdab: { name: string }): Promise<Uint8Array> {
  const first = d.months[0]!;
  const last = d.months[d.months.length - 1]!;
  const blocks: PdfBlock[] = [
    {
      kind: 'paragraph',
      text: 'Key performance indicators of the platform: live ones computed from its own records (case files, permits, extracts, analyses, jobs, the airlock, the opt-out registry, the catalogue), manual ones recorded by HDAB staff against their targets.',
      muted: true,
    },
    {
      kind: 'table',
      caption: 'Summary',
      columns: ['KPI', 'Source', 'Current', 'Target'],
      rows: d.kpis.map((k) => [
        k.title,
        k.source,
        `${valueText(k.current, k.unit)} (${BASIS[k.currentBasis]})`,
        targetText(k),
      ]),
      widths: [4, 1, 2, 2],
    },
  ];
  for (const k of d.kpis) {
    blocks.push({ kind: 'heading', level: 2, text: k.article ? `${k.title} (${k.article})` : k.title });
    blocks.push({ kind: 'paragraph', text: k.definition, muted: true });
    if (k.breakdown.length)
      blocks.push({
        kind: 'table',
        caption: `${k.title}: breakdown`,
        columns: ['Part', 'Value'],
        rows: k.breakdown.map((b) => [b.label, String(b.value)]),
        widths: [3, 1],
      });
    blocks.push({
      kind: 'table',
      caption: `${k.title}: by month`,
      columns: ['Month', 'Value'],
      rows: k.series.map((s) => [s.month, valueText(s.value, k.unit)]),
      widths: [3, 1],
    });
  }
  return renderPdf({
    title: `KPI report of ${hdab.name}`,
    subtitle: `Months ${first} to ${last}. Generated ${d.generatedAt}.`,
    subject: `KPI report ${first} to ${last}`,
    author: hdab.name,
    footer: `${hdab.name}: KPI report ${first} to ${last}`,
    createdAt: new Date(d.generatedAt),
    blocks,
  });
}
