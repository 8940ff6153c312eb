import { renderPdf, type PdfBlock } from '../pdf/renderer';
import type { ActivityReport } from './activity-figures';
import { activityTables } from './activity-tables';

/** The Art. 59(1) report as PDF: the same tables as the HTML page, each under a heading citing its letter. */
export async function activityPdf(r: ActivityReport): Promise<Uint8Array> {
  const title = `Activity report of ${r.hdab.name}`;
  const blocks: PdfBlock[] = [
    {
      kind: 'paragraph',
      text: 'Report under Art. 59(1) of Regulation (EU) 2025/327 (European Health Data Space). Files count in the period they were received; decisions, revenue and durations in the period they were decided; results when reported.',
      muted: true,
    },
  ];
  for (const t of activityTables(r)) {
    blocks.push({ kind: 'heading', level: 2, text: `Art. 59(1)(${t.letter}): ${t.title}` });
    blocks.push({
      kind: 'table',
      caption: t.caption,
      columns: t.columns,
      rows: t.rows,
      widths: t.columns.map((_, i) => (i === 0 ? Math.max(3, t.columns.length - 1) : 1)),
    });
    if (t.note) blocks.push({ kind: 'paragraph', text: t.note, muted: true });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Not recorded by this hub' });
  for (const m of r.notRecorded)
    blocks.push({ kind: 'paragraph', text: `Art. 59(1)(${m.letter}): ${m.what}` });
  return renderPdf({
    title,
    subtitle: `Period ${r.period.from} to ${r.period.to}. Generated ${r.generatedAt}.`,
    subject: `Art. 59(1) activity report ${r.period.from} to ${r.period.to}`,
    author: r.hdab.name,
    footer: `${r.hdab.name}: Art. 59 report ${r.period.from} to ${r.period.to}`,
    createdAt: new Date(r.generatedAt),
    blocks,
  });
}
