/**
 * Splits a stream of lines holding JSON objects into the objects' texts, each with the line it starts
 * on: a single object, a JSON array of objects, or NDJSON (one object per line, or objects back to
 * back). Only brackets and strings are tracked, so memory stays at one object; each object's text is
 * then parsed on its own, and a syntax error inside one object loses only that object. Pure.
 */

/** One top-level object's text, or a structural error that ends the file. */
export type JsonPiece = { ok: true; line: number; text: string } | { ok: false; line: number; error: string };

/** A stateful splitter: `push` each physical line, then `end` once. */
export interface JsonSplitter {
  push(line: number, text: string): JsonPiece[];
  end(): JsonPiece[];
}

/** Creates a splitter for single-object, array and NDJSON files. */
export function createJsonSplitter(): JsonSplitter {
  let mode: 'start' | 'array' | 'stream' | 'done' = 'start';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let startLine = 0;
  let parts: string[] = [];
  let failed = false;

  return {
    push(line, text) {
      const out: JsonPiece[] = [];
      if (failed || mode === 'done') {
        if (!failed && text.trim() !== '') {
          failed = true;
          out.push({ ok: false, line, error: 'text after the closing ] of the array' });
        }
        return out;
      }
      let from = -1; // start of the current object's slice on this line
      if (depth > 0) from = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        if (depth > 0) {
          if (inString) {
            if (escaped) escaped = false;
            else if (c === '\\') escaped = true;
            else if (c === '"') inString = false;
          } else if (c === '"') inString = true;
          else if (c === '{' || c === '[') depth++;
          else if (c === '}' || c === ']') {
            depth--;
            if (depth === 0) {
              parts.push(text.slice(from, i + 1));
              out.push({ ok: true, line: startLine, text: parts.join('\n') });
              parts = [];
              from = -1;
            }
          }
          continue;
        }
        // Between objects.
        if (c === ' ' || c === '\t' || c === '\uFEFF') continue;
        if (mode === 'start' && c === '[') {
          mode = 'array';
          continue;
        }
        if (mode === 'array' && (c === ',' || c === ']')) {
          if (c === ']') mode = 'done';
          continue;
        }
        if (c === '{' && mode !== 'done') {
          if (mode === 'start') mode = 'stream';
          depth = 1;
          startLine = line;
          from = i;
          continue;
        }
        failed = true;
        out.push({ ok: false, line, error: `unexpected '${c}' at column ${i + 1}: expected a JSON object` });
        return out;
      }
      if (depth > 0) parts.push(text.slice(from));
      return out;
    },
    end() {
      if (failed) return [];
      if (depth > 0)
        return [
          { ok: false, line: startLine, error: `JSON object opened on line ${startLine} is never closed` },
        ];
      if (mode === 'array') return [{ ok: false, line: startLine || 1, error: 'JSON array is never closed' }];
      return [];
    },
  };
}
