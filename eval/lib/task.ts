/** What every evaluation task returns, and how it is printed. */
import { formatTable } from '../table.js';

/** One line of a task's table: a system on one measure. Missing figures are null. */
export interface ScoreRow {
  readonly measure: string;
  readonly system: string;
  readonly p: number | null;
  readonly r: number | null;
  /** F1, or accuracy when `p`/`r` are null. */
  readonly score: number | null;
  readonly target?: string;
  /** Shown instead of the score (e.g. "29/29 pass"). */
  readonly text?: string;
}

export interface TaskResult {
  readonly task: string;
  readonly title: string;
  /** Fingerprint of the data and sampling parameters; a floor only holds for the same one. */
  readonly fingerprint: string;
  readonly rows: readonly ScoreRow[];
  /** Our figures the gate pins, by name (higher is better). */
  readonly floors: Readonly<Record<string, number>>;
  readonly notes: readonly string[];
  readonly seconds?: number;
}

export interface Skipped {
  readonly task: string;
  readonly skipped: string;
}

export const OURS = 'Truce Monitor';

const fmt = (n: number | null) => (n === null ? '-' : n.toFixed(3));

export function formatResult(r: TaskResult): string {
  const table = formatTable(
    ['measure', 'system', 'P', 'R', 'F1/acc', 'target'],
    r.rows.map((row) => [
      row.measure,
      row.system,
      fmt(row.p),
      fmt(row.r),
      row.text ?? fmt(row.score),
      row.target ?? '',
    ]),
  );
  const time = r.seconds === undefined ? '' : ` (${r.seconds.toFixed(1)} s)`;
  return [`== ${r.task}: ${r.title}${time}`, table, ...r.notes.map((n) => `  note: ${n}`)].join('\n');
}
