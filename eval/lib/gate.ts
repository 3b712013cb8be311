/**
 * The quality gate: measured figures against the pinned floors of eval/baseline.json. A floor
 * holds only for the same data and sampling (the fingerprint); it never goes down by accident.
 */
import type { TaskResult } from './task.js';

export interface TaskBaseline {
  readonly fingerprint: string;
  readonly floors: Readonly<Record<string, number>>;
}

export interface Baseline {
  readonly margin: number;
  readonly measured: string;
  readonly tasks: Readonly<Record<string, TaskBaseline>>;
}

export interface GateOptions {
  readonly update: boolean;
  readonly acceptLower: boolean;
}

export interface GateOutcome {
  /** Lines to print, one per finding. */
  readonly report: readonly string[];
  readonly failed: boolean;
  /** The baseline to write, when --update is given and allowed. */
  readonly next: Baseline | null;
}

/** Floors are stored rounded down to 4 decimals, so a re-run of the same code never reads as a drop. */
export const pin = (x: number) => Math.floor(x * 10_000) / 10_000;

export function compareToBaseline(
  baseline: Baseline,
  results: readonly TaskResult[],
  options: GateOptions,
  today: string,
): GateOutcome {
  const report: string[] = [];
  let failed = false;
  let refused = false;
  const tasks: Record<string, TaskBaseline> = { ...baseline.tasks };
  for (const r of results) {
    const old = baseline.tasks[r.task];
    const measured = Object.fromEntries(Object.entries(r.floors).map(([k, v]) => [k, pin(v)]));
    if (!old) {
      report.push(`${r.task}: no floor pinned yet${options.update ? ' (pinned now)' : ' (run with --update to pin)'}`);
      tasks[r.task] = { fingerprint: r.fingerprint, floors: measured };
      continue;
    }
    if (old.fingerprint !== r.fingerprint) {
      report.push(
        `${r.task}: the data or sampling changed (fingerprint ${old.fingerprint} -> ${r.fingerprint}); floors not comparable, re-pin with --update`,
      );
      if (!options.update) failed = true;
      tasks[r.task] = { fingerprint: r.fingerprint, floors: measured };
      continue;
    }
    const floors: Record<string, number> = { ...old.floors };
    for (const [name, value] of Object.entries(measured)) {
      const floor = old.floors[name];
      if (floor === undefined) {
        report.push(`${r.task}.${name}: new figure ${value.toFixed(4)}`);
        floors[name] = value;
      } else if (value < floor - baseline.margin) {
        report.push(
          `${r.task}.${name}: DROPPED ${floor.toFixed(4)} -> ${value.toFixed(4)} (margin ${baseline.margin})`,
        );
        failed = true;
        if (options.update && !options.acceptLower) refused = true;
        if (options.acceptLower) floors[name] = value;
      } else if (value > floor) {
        report.push(
          `${r.task}.${name}: ${floor.toFixed(4)} -> ${value.toFixed(4)}${options.update ? ' (floor raised)' : ''}`,
        );
        floors[name] = value;
      } else report.push(`${r.task}.${name}: ${value.toFixed(4)} (floor ${floor.toFixed(4)}) ok`);
    }
    tasks[r.task] = { fingerprint: r.fingerprint, floors };
  }
  if (refused) report.push('refusing to lower a floor: pass --accept-lower with --update to pin the lower figure');
  const next = options.update && !refused ? { margin: baseline.margin, measured: today, tasks } : null;
  // An explicit, accepted update is not a failure: the drop is what the user chose to pin.
  return { report, failed: failed && !(next && options.acceptLower), next };
}
