/**
 * The standard PDF fonts (Helvetica and its bold) are drawn with WinAnsiEncoding, which covers Latin-1
 * and a few typographic signs; pdf-lib throws on anything else. Text from applicants and staff can hold
 * any Unicode (Polish names, Greek letters, emoji), so every string is made drawable first: kept when
 * WinAnsi has it, else transliterated (Ł → L, ≤ → <=, accents dropped), else replaced by `?`. Pure.
 */

/** Code points WinAnsiEncoding can draw besides printable ASCII and U+00A0–U+00FF (its 0x80–0x9F row). */
const WIN_ANSI_EXTRA = [
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e,
  0x0178,
];

/** Every code point the standard fonts can draw (WinAnsiEncoding). */
export const WIN_ANSI: ReadonlySet<number> = new Set([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i),
  ...WIN_ANSI_EXTRA,
]);

/** Letters and signs that do not decompose to a WinAnsi character, spelled the way people would. */
const SPELLED: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
  ĸ: 'k',
  Ŋ: 'N',
  ŋ: 'n',
  Ŧ: 'T',
  ŧ: 't',
  Ə: 'E',
  ə: 'e',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '′': "'",
  '″': '"',
  '‹': '<',
  '›': '>',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✘': 'x',
  '∞': 'inf',
};

/** Spaces of other widths and zero-width characters: made plain spaces or dropped. */
const SPACES = /[\u2000-\u200a\u202f\u205f\u3000]/gu;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
// Control characters are exactly what this strips.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
const COMBINING = /[\u0300-\u036f]/gu;

/**
 * Makes `text` drawable with WinAnsiEncoding, keeping line breaks (`\n`) and turning tabs into
 * spaces. Never throws: what cannot be spelled becomes `?`, so a name in another script still shows
 * that something is there.
 */
export function toWinAnsi(text: string): string {
  const clean = text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(SPACES, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '');
  let out = '';
  for (const ch of clean) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n' || WIN_ANSI.has(cp)) {
      out += ch;
      continue;
    }
    const spelled = SPELLED[ch];
    if (spelled !== undefined) {
      out += spelled;
      continue;
    }
    // é is in WinAnsi, ő and ź are not: decompose, drop the accent, keep the letter.
    const base = ch.normalize('NFKD').replace(COMBINING, '');
    out += base && [...base].every((c) => WIN_ANSI.has(c.codePointAt(0)!)) ? base : '?';
  }
  return out;
}
