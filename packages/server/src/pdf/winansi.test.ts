import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { toWinAnsi, WIN_ANSI } from './winansi';

describe('toWinAnsi', () => {
  it('keeps what WinAnsi has, spells out or strips what it lacks, and replaces the rest', () => {
    expect(toWinAnsi('Île-de-France, Müller, €5 – “ok”')).toBe('Île-de-France, Müller, €5 – “ok”');
    expect(toWinAnsi('Łódź, Dvořák, Őrség')).toBe('Lódz, Dvorák, Orség');
    expect(toWinAnsi('k ≤ 5 → ok ✓')).toBe('k <= 5 -> ok v');
    expect(toWinAnsi('漢字 😀')).toBe('?? ?');
    expect(toWinAnsi('a\tb\r\nc\u200bd\u0007')).toBe('a    b\ncd');
  });

  it('only produces characters the standard Helvetica font can encode', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const helvetica = new Set(font.getCharacterSet());
    expect([...WIN_ANSI].filter((cp) => !helvetica.has(cp))).toEqual([]);
    const sample = toWinAnsi('Zürich Łukasz Ωmega ∑ ½ Ā ā 𝔸 – ש');
    expect(() => font.encodeText(sample)).not.toThrow();
  });
});
