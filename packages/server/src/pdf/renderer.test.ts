import { describe, expect, it } from 'vitest';
import { readPdf } from './read-pdf';
import { renderPdf } from './renderer';

describe('renderPdf', () => {
  it('writes a PDF with metadata, every block drawn, page breaks and page numbers', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of a long text that wraps.`).join(
      ' ',
    );
    const bytes = await renderPdf({
      title: 'Register report — Łódź',
      subtitle: 'Generated for a test',
      subject: 'FI-APP-2026-000001',
      footer: 'FI-APP-2026-000001',
      createdAt: new Date('2026-01-02T03:04:05Z'),
      blocks: [
        { kind: 'heading', text: 'Art. 67(2)(a) Applicant' },
        { kind: 'paragraph', text: long },
        { kind: 'keyValue', rows: [['Organisation', 'BioNova Oy ≤ 5 ✓']] },
        {
          kind: 'table',
          caption: 'Counts by kind',
          columns: ['Kind', 'Count'],
          rows: Array.from({ length: 80 }, (_, i) => [`row ${i + 1}`, String(i)]),
        },
        { kind: 'pageBreak' },
        { kind: 'heading', level: 2, text: 'Last page' },
      ],
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    expect(pdf.title).toBe('Register report — Łódź');
    expect(pdf.subject).toBe('FI-APP-2026-000001');
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    // Drawn text: transliterated title, the key-value row, every table row, the page numbers.
    expect(pdf.text).toContain('Register report — Lódz');
    expect(pdf.text).toContain('BioNova Oy <= 5 v');
    expect(pdf.text).toContain('row 80');
    expect(pdf.text).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
    // The table header repeats on the page the table continues on.
    const pages = pdf.text.split('\f');
    const withRows = pages.filter((p) => /row \d+/.test(p));
    expect(withRows.length).toBeGreaterThan(1);
    expect(withRows.every((p) => p.includes('Kind\nCount'))).toBe(true);
    expect(pages.at(-1)).toContain('Last page');
  });

  it('breaks a table row taller than a page line by line instead of losing it', async () => {
    const huge = Array.from({ length: 200 }, (_, i) => `line ${i + 1}`).join('\n');
    const pdf = await readPdf(
      await renderPdf({ title: 'Tall', blocks: [{ kind: 'keyValue', rows: [['Notes', huge]] }] }),
    );
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text).toContain('line 1\n');
    expect(pdf.text).toContain('line 200');
  });
});
