import type { ActivityReport } from './activity-figures';
import { activityTables } from './activity-tables';

/**
 * The Art. 59(1) report as one self-contained, accessible HTML page: no scripts, no external files,
 * a language, landmarks, a heading per figure citing its letter, tables with captions and `th scope`.
 */

/** Escapes text for HTML content and attribute values. */
export function htmlEscape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1e;margin:0;line-height:1.5}
main{max-width:60rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem}
.meta,.note{color:#555}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#eef0f3}
td{font-variant-numeric:tabular-nums}
@media print{main{max-width:none}}`;

/** Renders the report as an HTML document. */
export function activityHtml(r: ActivityReport): string {
  const title = `Activity report of ${r.hdab.name}, ${r.period.from} to ${r.period.to}`;
  const sections = activityTables(r).map((t) => {
    const head = t.columns.map((c) => `<th scope="col">${htmlEscape(c)}</th>`).join('');
    const body = t.rows
      .map(
        ([first, ...rest]) =>
          `<tr><th scope="row">${htmlEscape(first ?? '')}</th>${rest.map((c) => `<td>${htmlEscape(c)}</td>`).join('')}</tr>`,
      )
      .join('\n');
    return `<section aria-labelledby="${t.id}">
<h2 id="${t.id}">Art. 59(1)(${t.letter}): ${htmlEscape(t.title)}</h2>
<table>
<caption>${htmlEscape(t.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>${t.note ? `\n<p class="note">${htmlEscape(t.note)}</p>` : ''}
</section>`;
  });
  const missing = r.notRecorded
    .map((m) => `<li>Art. 59(1)(${m.letter}): ${htmlEscape(m.what)}</li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${htmlEscape(title)}</h1>
<p class="meta">Report under Art. 59(1) of Regulation (EU) 2025/327 (European Health Data Space). Generated ${htmlEscape(r.generatedAt)}. Files count in the period they were received; decisions, revenue and durations in the period they were decided; results when reported.</p>
${sections.join('\n')}
<section aria-labelledby="not-recorded">
<h2 id="not-recorded">Not recorded by this hub</h2>
<ul>
${missing}
</ul>
</section>
</main>
</body>
</html>
`;
}
