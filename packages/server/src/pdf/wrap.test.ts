import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap';

// One unit per character makes widths easy to reason about.
const width = (s: string) => s.length;

describe('wrapText', () => {
  it('wraps at spaces, keeps explicit line breaks and empty lines', () => {
    expect(wrapText('the quick brown fox jumps', 10, width)).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(wrapText('one\n\ntwo', 10, width)).toEqual(['one', '', 'two']);
  });

  it('cuts a word longer than the line and never returns a line wider than allowed', () => {
    const lines = wrapText('see https://example.org/a/very/long/path ok', 12, width);
    expect(lines).toEqual(['see', 'https://exam', 'ple.org/a/ve', 'ry/long/path', 'ok']);
    expect(lines.every((l) => l.length <= 12)).toBe(true);
  });
});
