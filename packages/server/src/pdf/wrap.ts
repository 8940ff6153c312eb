/**
 * Greedy line wrapping for the PDF renderer: words are kept whole while they fit, a word wider than
 * the line is cut between characters, and `\n` always starts a new line. Pure: the caller passes the
 * width of a string in its font and size.
 */
export function wrapText(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/ +/).filter((w) => w.length > 0);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (widthOf(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      // A word that alone is wider than the line (a URL, a hash) is cut where it overflows.
      let rest = word;
      while (widthOf(rest) > maxWidth) {
        let cut = 1;
        while (cut < rest.length && widthOf(rest.slice(0, cut + 1)) <= maxWidth) cut += 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
