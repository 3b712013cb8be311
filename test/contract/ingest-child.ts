/**
 * Child process for kill.test.ts: ingests reports in a loop into a SQLite store, printing each
 * `begin N` before each report and `N` once its transaction has committed, until it is killed.
 * Usage: node --import tsx test/contract/ingest-child.ts DB_PATH FIRST_NUMBER
 */
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import { event, sample } from './fixtures.js';

/** Sizeable, varied transactions, so a kill usually lands inside one. */
export function eventsFor(n: number): number {
  return 1 + (n % 7) * 40;
}

export function rawFor(n: number): string {
  return `Report number ${n}\nShelling was reported near the front line, account ${n}.`;
}

async function main(): Promise<void> {
  const [path, first] = process.argv.slice(2);
  if (!path) throw new Error('usage: ingest-child.ts DB_PATH FIRST_NUMBER');
  const store = await openSqliteStore({ path });
  for (let n = Number(first ?? 0); ; n++) {
    const events = Array.from({ length: eventsFor(n) }, (_, k) =>
      event({ fatalities: k, evidence: `Account ${n}/${k}.` }),
    );
    process.stdout.write(`begin ${n}\n`);
    await store.putReport(...sample(rawFor(n), { events }));
    process.stdout.write(`${n}\n`);
  }
}

if (process.argv[1]?.endsWith('ingest-child.ts')) await main();
