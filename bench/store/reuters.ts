/**
 * `npx tsx bench/store/reuters.ts`: the 207 Reuters posts of 2016 end to end, as `truce ingest` would
 * take them (read as text/html, analyse, store, link copies and versions) and then corroborated
 * after each report with `corroborateEvents`. Prints the time per report of each step and the
 * incidents by grade. The posts live in ../shared (not in the repository); without them it says so.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalyzeService } from '../../src/services/analyze.service.js';
import { corroborateEvents } from '../../src/services/corroborate.service.js';
import { IngestService } from '../../src/services/ingest.service.js';
import { createReader } from '../../src/nlp/analyze.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';

const POSTS = fileURLToPath(
  new URL('../../../shared/data/reuters-2016-conflict-unlabeled/posts.jsonl', import.meta.url),
);
if (!existsSync(POSTS)) {
  console.log(`Reuters posts absent (${POSTS}): end-to-end corroboration NOT measured.`);
  process.exit(0);
}

interface Post {
  readonly post_date: string;
  readonly original_link: string;
  readonly raw_body_html: string;
}
const posts = readFileSync(POSTS, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Post);

const dir = mkdtempSync(join(tmpdir(), 'truce-reuters-'));
const store = await openSqliteStore({ path: join(dir, 'reuters.db') });
const ingest = new IngestService(store, new AnalyzeService(createReader()));
const times = { ingest: [] as number[], corroborate: [] as number[] };
const statuses = new Map<string, number>();
let events = 0;
const started = performance.now();
for (const [i, post] of posts.entries()) {
  let t = performance.now();
  const outcome = await ingest.ingestOne(`post ${i + 1}`, {
    text: post.raw_body_html,
    mediaType: 'text/html',
    published: post.post_date.slice(0, 10),
    sourceName: 'Reuters',
    url: post.original_link,
  });
  times.ingest.push(performance.now() - t);
  statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
  t = performance.now();
  if (outcome.reportId !== undefined) {
    const ids = (await store.listEvents({ reportId: outcome.reportId, limit: 10_000 })).map((e) => e.id);
    events += ids.length;
    await corroborateEvents(store, ids);
  }
  times.corroborate.push(performance.now() - t);
}
const wall = performance.now() - started;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const incidents = await store.listIncidents({ limit: 10_000 });
const grades = new Map<string, number>();
for (const inc of incidents) grades.set(inc.grade, (grades.get(inc.grade) ?? 0) + 1);
const multi = incidents.filter((i) => i.eventIds.length > 1).length;

console.log(
  `Reuters 2016 end to end, ${new Date().toISOString().slice(0, 10)}: ${posts.length} posts, ${events} events stored`,
);
console.log(`ingest outcomes: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`);
console.log(
  `per report: ingest (read, analyse, store, dedupe) median ${median(times.ingest).toFixed(1)} ms, mean ${mean(times.ingest).toFixed(1)} ms;`,
);
console.log(
  `            corroborateEvents median ${median(times.corroborate).toFixed(1)} ms, mean ${mean(times.corroborate).toFixed(1)} ms`,
);
console.log(`wall ${(wall / 1000).toFixed(1)} s (${(wall / posts.length) | 0} ms/report, model load excluded)`);
console.log(
  `incidents: ${incidents.length} (${multi} with more than one event): ${[...grades].map(([g, n]) => `${g} ${n}`).join(', ')}`,
);
const t = performance.now();
const { corroborateAll } = await import('../../src/services/corroborate.service.js');
const full = await corroborateAll(store);
console.log(
  `full rebuild after: created ${full.created}, updated ${full.updated}, deleted ${full.deleted}, unchanged ${full.unchanged} (${(performance.now() - t).toFixed(0)} ms)`,
);
await store.close();
if (process.argv.includes('--keep')) console.log(`store kept: ${join(dir, 'reuters.db')}`);
else rmSync(dir, { recursive: true, force: true });
