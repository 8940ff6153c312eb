import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';

/**
 * Reads back what `renderPdf` wrote, for tests and for checks people can rerun: the page count, the
 * metadata, and the text drawn on each page (decoded from the page content streams, WinAnsi bytes
 * back to Unicode). It understands the `<hex> Tj` text that pdf-lib writes, not PDFs in general.
 */
export interface PdfReading {
  pages: number;
  title: string | undefined;
  subject: string | undefined;
  /** The drawn lines of every page, in drawing order, pages separated by a form feed. */
  text: string;
}

/** WinAnsiEncoding bytes 0x80–0x9F (the rest is Latin-1). */
const ROW_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWinAnsi(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const b = parseInt(hex.slice(i, i + 2), 16);
    out += b >= 0x80 && b <= 0x9f ? ROW_80[b - 0x80] : String.fromCharCode(b);
  }
  return out;
}

function streamsOf(obj: PDFObject | undefined, doc: PDFDocument): PDFRawStream[] {
  if (!obj) return [];
  const resolved = doc.context.lookup(obj);
  if (resolved instanceof PDFRawStream) return [resolved];
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((o) => streamsOf(o, doc));
  return [];
}

/** Loads PDF bytes with pdf-lib and extracts page count, title, subject and drawn text. */
export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages().map((page) =>
    streamsOf(page.node.Contents(), doc)
      .map((s) => new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()))
      .join('\n')
      .split('\n')
      .flatMap((line) => [...line.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => decodeWinAnsi(m[1]!)))
      .join('\n'),
  );
  return { pages: pages.length, title: doc.getTitle(), subject: doc.getSubject(), text: pages.join('\f') };
}
