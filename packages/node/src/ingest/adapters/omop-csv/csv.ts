/**
 * An RFC 4180 CSV record assembler fed one physical line at a time. Quoted fields may hold commas,
 * doubled quotes and line breaks, so a record can span several physical lines; each record reports
 * the line it starts on, so quarantine and error messages point at the right place in the file.
 * Pure: no I/O, the caller feeds lines (see `readLines`).
 */

/** One parsed CSV record, or the reason it could not be parsed. */
export type CsvResult =
  | { ok: true; line: number; fields: string[]; raw: string }
  | { ok: false; line: number; error: string; raw: string };

/** A stateful assembler: `push` each physical line, then `end` once. */
export interface CsvAssembler {
  /** Feeds one physical line (without its line break); returns a record when one completes. */
  push(line: number, text: string): CsvResult | undefined;
  /** Signals end of input; returns an error if a quoted field was never closed. */
  end(): CsvResult | undefined;
}

/** Creates a CSV assembler (comma separator, `"` quote, RFC 4180 escaping by doubling). */
export function createCsvAssembler(): CsvAssembler {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let startLine = 0;
  let rawLines: string[] = [];

  const reset = (): void => {
    fields = [];
    field = '';
    inQuotes = false;
    rawLines = [];
  };

  const fail = (error: string): CsvResult => {
    const result: CsvResult = { ok: false, line: startLine, error, raw: rawLines.join('\n') };
    reset();
    return result;
  };

  return {
    push(line, text) {
      if (!inQuotes) {
        // A blank line between records carries no data (a trailing newline, a hand-edited file).
        if (text === '') return undefined;
        startLine = line;
      }
      rawLines.push(text);
      let closedQuote = false;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inQuotes) {
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i++;
            } else {
              inQuotes = false;
              closedQuote = true;
            }
          } else field += c;
        } else if (c === ',') {
          fields.push(field);
          field = '';
          closedQuote = false;
        } else if (closedQuote) {
          return fail(
            `unexpected character '${c}' after a closing quote in field ${fields.length + 1} (line ${line})`,
          );
        } else if (c === '"') {
          if (field !== '') {
            return fail(
              `quote inside an unquoted field ${fields.length + 1} (line ${line}); quote the whole field and double inner quotes`,
            );
          }
          inQuotes = true;
        } else field += c;
      }
      if (inQuotes) {
        // The quoted field continues on the next physical line.
        field += '\n';
        return undefined;
      }
      fields.push(field);
      const result: CsvResult = { ok: true, line: startLine, fields, raw: rawLines.join('\n') };
      reset();
      return result;
    },
    end() {
      if (!inQuotes) return undefined;
      return fail(`quoted field opened on line ${startLine} is never closed`);
    },
  };
}
