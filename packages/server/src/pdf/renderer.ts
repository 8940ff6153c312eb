import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { toWinAnsi } from './winansi';
import { wrapText } from './wrap';

/**
 * A small document renderer on pdf-lib for what the hub hands out as PDF (an application file, the
 * Art. 59 activity report): a title, headings, wrapped paragraphs, key–value and column tables that
 * break across pages (repeating their header), and "Page n of N" footers. Standard Helvetica only,
 * so no font file ships; every string passes through `toWinAnsi` first, so no input can make it throw.
 */

/** One block of content, laid out top to bottom. */
export type PdfBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'keyValue'; rows: readonly (readonly [string, string])[]; caption?: string }
  | {
      kind: 'table';
      columns: readonly string[];
      rows: readonly (readonly string[])[];
      caption?: string;
      /** Relative column widths (default equal). */
      widths?: readonly number[];
    }
  | { kind: 'pageBreak' };

/** A document: metadata (title and subject also go into the PDF's information dictionary) and blocks. */
export interface PdfDocumentSpec {
  title: string;
  subtitle?: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  /** Left footer on every page (e.g. the reference), beside the page number. */
  footer?: string;
  /** Creation date in the metadata; pass it for reproducible files. */
  createdAt?: Date;
  language?: string;
  blocks: readonly PdfBlock[];
}

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const WIDTH = PAGE[0] - MARGIN.left - MARGIN.right;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.78, 0.78, 0.8);
const SHADE = rgb(0.93, 0.93, 0.95);
const BODY = 10;
const CELL = 9;
const PAD = 3;
const KEY_VALUE_WIDTHS = [3, 7];

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Lays blocks out on pages, starting a new page whenever the next line would cross the bottom margin. */
class Layout {
  page: PDFPage;
  y: number;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.page = doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN.top;
  }

  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN.top;
  }

  /** Room left above the bottom margin. */
  get room(): number {
    return this.y - MARGIN.bottom;
  }

  /** Starts a new page unless `height` still fits (and something is already on this page). */
  ensure(height: number): void {
    if (height > this.room && this.y < PAGE[1] - MARGIN.top) this.newPage();
  }

  lines(text: string, font: PDFFont, size: number, width: number): string[] {
    return wrapText(toWinAnsi(text), width, (s) => font.widthOfTextAtSize(s, size));
  }

  /** Height of a table's header and first row, so neither is left alone at the foot of a page. */
  tableStart(
    header: readonly string[] | null,
    first: readonly string[] | undefined,
    widths: readonly number[],
  ): number {
    const total = widths.reduce((a, b) => a + b, 0);
    const lh = CELL * 1.3;
    const height = (cells: readonly string[], font: PDFFont) =>
      Math.max(
        1,
        ...widths.map((w, i) => this.lines(cells[i] ?? '', font, CELL, (w / total) * WIDTH - 2 * PAD).length),
      ) *
        lh +
      2 * PAD;
    return (header ? height(header, this.fonts.bold) : 0) + (first ? height(first, this.fonts.regular) : 0);
  }

  /** The least room a block needs at the top of what is left of a page (its caption and first line or row). */
  startHeight(block: PdfBlock | undefined): number {
    const caption = (c?: string) => (c ? CELL * 1.3 + 2 : 0);
    switch (block?.kind) {
      case 'paragraph':
        return BODY * 1.3 * 2;
      case 'keyValue':
        return caption(block.caption) + this.tableStart(null, block.rows[0], KEY_VALUE_WIDTHS);
      case 'table':
        return (
          caption(block.caption) +
          this.tableStart(block.columns, block.rows[0], block.widths ?? block.columns.map(() => 1))
        );
      default:
        return 0;
    }
  }

  /** Draws wrapped text at the left margin (plus `indent`), line by line across pages. */
  text(text: string, o: { font: PDFFont; size: number; color?: typeof INK; indent?: number; gap?: number }) {
    const lh = o.size * 1.3;
    const indent = o.indent ?? 0;
    for (const line of this.lines(text, o.font, o.size, WIDTH - indent)) {
      this.ensure(lh);
      this.y -= lh;
      this.page.drawText(line, {
        x: MARGIN.left + indent,
        y: this.y + o.size * 0.25,
        size: o.size,
        font: o.font,
        color: o.color ?? INK,
      });
    }
    this.y -= o.gap ?? 0;
  }

  /**
   * A table with optional header row: each row's cells wrap within their column; a row that does not
   * fit moves to the next page whole (unless it is taller than a page, then it breaks line by line),
   * and the header repeats on every page the table spans.
   */
  table(o: {
    header: readonly string[] | null;
    rows: readonly (readonly string[])[];
    widths: readonly number[];
    boldFirstColumn?: boolean;
  }): void {
    const total = o.widths.reduce((a, b) => a + b, 0);
    const cols = o.widths.map((w) => (w / total) * WIDTH);
    const lh = CELL * 1.3;
    const cellLines = (cells: readonly string[], header: boolean) =>
      cols.map((w, i) =>
        this.lines(
          cells[i] ?? '',
          header || (o.boldFirstColumn && i === 0) ? this.fonts.bold : this.fonts.regular,
          CELL,
          w - 2 * PAD,
        ),
      );
    const header = o.header ? cellLines(o.header, true) : null;
    const rowHeight = (lines: string[][]) => Math.max(1, ...lines.map((l) => l.length)) * lh + 2 * PAD;

    const drawRow = (lines: string[][], isHeader: boolean, from = 0, to?: number) => {
      const count = (to ?? Math.max(1, ...lines.map((l) => l.length))) - from;
      const h = count * lh + 2 * PAD;
      if (isHeader) {
        this.page.drawRectangle({ x: MARGIN.left, y: this.y - h, width: WIDTH, height: h, color: SHADE });
      }
      let x = MARGIN.left;
      cols.forEach((w, i) => {
        (lines[i] ?? []).slice(from, from + count).forEach((line, k) => {
          this.page.drawText(line, {
            x: x + PAD,
            y: this.y - PAD - (k + 1) * lh + CELL * 0.3,
            size: CELL,
            font: isHeader || (o.boldFirstColumn && i === 0) ? this.fonts.bold : this.fonts.regular,
            color: INK,
          });
        });
        x += w;
      });
      this.y -= h;
      this.page.drawLine({
        start: { x: MARGIN.left, y: this.y },
        end: { x: MARGIN.left + WIDTH, y: this.y },
        thickness: 0.5,
        color: RULE,
      });
    };

    const headerHeight = header ? rowHeight(header) : 0;
    this.ensure(headerHeight + lh + 2 * PAD);
    if (header) drawRow(header, true);
    for (const row of o.rows) {
      const lines = cellLines(row, false);
      const h = rowHeight(lines);
      if (h > this.room) {
        const fullPage = PAGE[1] - MARGIN.top - MARGIN.bottom - headerHeight;
        if (h <= fullPage) {
          this.newPage();
          if (header) drawRow(header, true);
        }
      }
      // A row taller than the room left is drawn in slices of whole lines, page after page.
      const n = Math.max(1, ...lines.map((l) => l.length));
      let from = 0;
      while (from < n) {
        if (this.room < lh + 2 * PAD) {
          this.newPage();
          if (header) drawRow(header, true);
        }
        const fit = Math.max(1, Math.floor((this.room - 2 * PAD) / lh));
        const to = Math.min(n, from + fit);
        drawRow(lines, false, from, to);
        from = to;
      }
    }
    this.y -= 10;
  }
}

/** Renders the document to PDF bytes (starting `%PDF-`). */
export async function renderPdf(spec: PdfDocumentSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  // The information dictionary keeps UTF-16 text, so the title needs no transliteration there.
  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  if (spec.subject) doc.setSubject(spec.subject);
  if (spec.author) doc.setAuthor(spec.author);
  if (spec.keywords) doc.setKeywords(spec.keywords);
  doc.setLanguage(spec.language ?? 'en');
  doc.setCreator('OpenEHDS');
  doc.setProducer('OpenEHDS (pdf-lib)');
  const created = spec.createdAt ?? new Date();
  doc.setCreationDate(created);
  doc.setModificationDate(created);

  const layout = new Layout(doc, fonts);
  layout.text(spec.title, { font: fonts.bold, size: 18, gap: 4 });
  if (spec.subtitle) layout.text(spec.subtitle, { font: fonts.regular, size: 11, color: MUTED, gap: 6 });
  layout.y -= 8;

  spec.blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'heading': {
        const size = block.level === 2 ? 11.5 : 14;
        layout.y -= block.level === 2 ? 6 : 10;
        // Keep a heading with the start of what follows it.
        const lines = layout.lines(block.text, fonts.bold, size, WIDTH).length;
        layout.ensure(lines * size * 1.3 + 4 + layout.startHeight(spec.blocks[i + 1]));
        layout.text(block.text, { font: fonts.bold, size, gap: 4 });
        break;
      }
      case 'paragraph':
        layout.text(block.text, {
          font: fonts.regular,
          size: BODY,
          color: block.muted ? MUTED : INK,
          gap: 6,
        });
        break;
      case 'keyValue':
        layout.ensure(layout.startHeight(block));
        if (block.caption) layout.text(block.caption, { font: fonts.bold, size: CELL, gap: 2 });
        layout.table({ header: null, rows: block.rows, widths: KEY_VALUE_WIDTHS, boldFirstColumn: true });
        break;
      case 'table':
        layout.ensure(layout.startHeight(block));
        if (block.caption) layout.text(block.caption, { font: fonts.bold, size: CELL, gap: 2 });
        layout.table({
          header: block.columns,
          rows: block.rows,
          widths: block.widths ?? block.columns.map(() => 1),
        });
        break;
      case 'pageBreak':
        layout.newPage();
        break;
    }
  });

  const pages = doc.getPages();
  let footer = spec.footer ? toWinAnsi(spec.footer).replace(/\n/g, ' ') : '';
  while (footer && fonts.regular.widthOfTextAtSize(footer, 8) > WIDTH * 0.6) footer = footer.slice(0, -2);
  pages.forEach((page, i) => {
    const label = `Page ${i + 1} of ${pages.length}`;
    const size = 8;
    const y = MARGIN.bottom / 2;
    if (footer) page.drawText(footer, { x: MARGIN.left, y, size, font: fonts.regular, color: MUTED });
    page.drawText(label, {
      x: PAGE[0] - MARGIN.right - fonts.regular.widthOfTextAtSize(label, size),
      y,
      size,
      font: fonts.regular,
      color: MUTED,
    });
  });
  return doc.save();
}
