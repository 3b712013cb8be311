/**
 * `npx tsx bench/store/corroborate.ts [--events 50000]`: time a full `corroborateAll` over invented
 * events (bench/store/generate.ts) in a temporary SQLite store, and a second, idempotent run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corroborateAll } from '../../src/services/corroborate.service.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import { generateEvents } from './generate.js';

const { values: args } = parseArgs({ options: { events: { type: 'string', default: '50000' } } });
const dir = mkdtempSync(join(tmpdir(), 'truce-bench-corroborate-'));
const store = await openSqliteStore({ path: join(dir, 'c.db'), synchronous: 'NORMAL' });
await store.putImportedEvents([...generateEvents(Number(args.events))]);
for (const round of ['first', 'second']) {
  const t = performance.now();
  const r = await corroborateAll(store);
  const s = (performance.now() - t) / 1000;
  console.log(
    `${round} run: ${r.events} events in ${s.toFixed(1)} s (${Math.round(r.events / s)} events/s); ` +
      `created ${r.created}, updated ${r.updated}, deleted ${r.deleted}, unchanged ${r.unchanged}; ` +
      `${Object.entries(r.grades)
        .map(([g, n]) => `${g} ${n}`)
        .join(', ')}`,
  );
}
await store.close();
rmSync(dir, { recursive: true, force: true });
