/**
 * A one-line progress display on standard error, drawn only on a terminal and only when the output
 * is for people (never with --format json), redrawn at most 10 times a second.
 */
export interface Progress {
  tick(done: number, label?: string): void;
  stop(): void;
}

const SILENT: Progress = { tick: () => undefined, stop: () => undefined };

export function createProgress(options: { total?: number | null; enabled: boolean; unit: string }): Progress {
  const stream = process.stderr;
  if (!options.enabled || !stream.isTTY) return SILENT;
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    tick(done, label = '') {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const rate = done / Math.max((now - started) / 1000, 0.001);
      const total = options.total ?? null;
      const width = 24;
      const bar =
        total !== null && total > 0
          ? `[${'#'.repeat(Math.round((Math.min(done, total) / total) * width)).padEnd(width, '.')}] ${done}/${total}`
          : `${done}`;
      const line = `${bar} ${options.unit}, ${rate.toFixed(rate < 10 ? 1 : 0)}/s ${label}`;
      stream.write(`\r${line.slice(0, (stream.columns || 80) - 1).padEnd((stream.columns || 80) - 1)}`);
      drawn = true;
    },
    stop() {
      if (drawn) stream.write(`\r${' '.repeat((stream.columns || 80) - 1)}\r`);
    },
  };
}
