/**
 * A progress bar on stderr for anything longer than a couple of seconds. It draws only on a TTY
 * (redrawing one line at most every 100 ms) and stays silent otherwise, so logs and pipes stay clean.
 */
export interface Progress {
  update(done: number, total?: number, note?: string): void;
  finish(note?: string): void;
}

/** Creates a progress bar labelled `label`; `unit` names what is counted (`patients`, `MB`). */
export function progressBar(label: string, unit = '', stream: NodeJS.WriteStream = process.stderr): Progress {
  const enabled = Boolean(stream.isTTY) && !process.env.CI;
  const started = Date.now();
  let last = 0;
  let shown = false;
  const draw = (done: number, total?: number, note = '') => {
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const width = 30;
    const bar =
      total && total > 0
        ? `[${'#'.repeat(Math.min(width, Math.round((done / total) * width))).padEnd(width, '.')}] ${Math.floor((done / total) * 100)}%`
        : '';
    const count = `${fmt(done)}${total ? `/${fmt(total)}` : ''} ${unit}`.trim();
    stream.write(
      `\r${label} ${bar} ${count} ${fmt(rate)}/s ${note}`
        .slice(0, (stream.columns ?? 100) - 1)
        .padEnd(Math.min(stream.columns ?? 100, 100) - 1),
    );
    shown = true;
  };
  return {
    update(done, total, note) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(done, total, note);
    },
    finish(note) {
      if (enabled && shown) stream.write(`\r${' '.repeat(Math.min(stream.columns ?? 100, 100) - 1)}\r`);
      if (note) stream.write(`${label} ${note}\n`);
    },
  };
}

function fmt(n: number): string {
  return n >= 1e6
    ? `${(n / 1e6).toFixed(1)}M`
    : n >= 1e4
      ? `${(n / 1e3).toFixed(0)}k`
      : String(Math.round(n));
}
