import { describe, expect, it } from 'vitest';
import { createJsonSplitter, type JsonPiece } from './json-split';

function split(text: string): JsonPiece[] {
  const s = createJsonSplitter();
  const out = text.split('\n').flatMap((t, i) => s.push(i + 1, t));
  return [...out, ...s.end()];
}

describe('createJsonSplitter', () => {
  it('returns a single pretty-printed object with its start line', () => {
    const pieces = split('\n{\n  "a": "}{",\n  "b": [1, {"c": "\\"]"}]\n}\n');
    expect(pieces).toEqual([{ ok: true, line: 2, text: '{\n  "a": "}{",\n  "b": [1, {"c": "\\"]"}]\n}' }]);
    expect(JSON.parse((pieces[0] as { text: string }).text)).toEqual({ a: '}{', b: [1, { c: '"]' }] });
  });

  it('splits a JSON array of objects, each at its own line', () => {
    const pieces = split('[\n  {"id": 1},\n  {\n    "id": 2\n  }, {"id": 3}\n]');
    expect(pieces.map((p) => [p.line, p.ok && JSON.parse(p.text).id])).toEqual([
      [2, 1],
      [3, 2],
      [5, 3],
    ]);
  });

  it('splits NDJSON', () => {
    expect(split('{"id":1}\n{"id":2}\n\n{"id":3}\n').map((p) => p.line)).toEqual([1, 2, 4]);
  });

  it('reports structural errors with their line', () => {
    expect(split('{"id":1}\n42\n')).toEqual([
      { ok: true, line: 1, text: '{"id":1}' },
      { ok: false, line: 2, error: "unexpected '4' at column 1: expected a JSON object" },
    ]);
    expect(split('[{"id":1},\n{"id": 2')).toEqual([
      { ok: true, line: 1, text: '{"id":1}' },
      { ok: false, line: 2, error: 'JSON object opened on line 2 is never closed' },
    ]);
  });
});
