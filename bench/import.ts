/**
 * Import benchmark (issue 3): generates a 1 M-row ACLED-shaped CSV (modern schema, invented values
 * with the shapes of the acled-notes files: mostly battles and protests, short "On <date>, ..." notes,
 * mostly zero fatalities, a few quoted fields) in os.tmpdir(), then times `truce import acled` into a
 * fresh SQLite file, in a child process, `--runs` times; after the last run it times date + box
 * queries on the imported store (bench/import-queries.ts), so a faster import is seen not to cost
 * query speed. Run: `npx tsx bench/import.ts [--rows N] [--batch N] [--runs N] [--keep] [--reuse]`
 * (`--reuse` takes the CSV left by an earlier `--keep` run instead of generating it again).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { ACLED_COLUMNS, acledDate } from '../src/services/export.service.js';
import { csvField } from '../src/services/csv.js';
import { timeImportQueries } from './import-queries.js';

const args = process.argv.slice(2);
const rows = Number(args[args.indexOf('--rows') + 1]) || 1_000_000;
const runs = (args.includes('--runs') && Number(args[args.indexOf('--runs') + 1])) || 1;
const keep = args.includes('--keep');
const reuse = args.includes('--reuse');
// Rows per transaction passed to the command (--batch); without it the command's default.
const batch = args.includes('--batch') ? ['--batch', String(Number(args[args.indexOf('--batch') + 1]))] : [];
const ROOT = resolve(import.meta.dirname, '..');
/**
 * Preloaded into the child: prints its CPU time (all threads), the main thread's CPU time (from
 * /proc on Linux: the SQLite writes run there, so on two free cores it bounds the wall time) and
 * peak RSS to stderr at exit.
 */
const USAGE_HOOK = `data:text/javascript,import{readFileSync as r}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();let main=null;try{const f=r('/proc/self/task/'+process.pid+'/stat','utf8').split(') ')[1].split(' ');main=(Number(f[11])+Number(f[12]))/100}catch{}process.stderr.write('\\nUSAGE '+JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1e6,mainCpu:main,maxRssMb:u.maxRSS/1024})+'\\n')})`;

/** Deterministic pseudo-random numbers (mulberry32), so every run imports the same file. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const weighted = <T>(xs: readonly [T, number][]): T => {
  let r = rand() * xs.reduce((s, [, w]) => s + w, 0);
  for (const [x, w] of xs) if ((r -= w) <= 0) return x;
  return xs[0]![0];
};

const TYPES: [[string, string], number][] = [
  [['Battles', 'Armed clash'], 60],
  [['Explosions/Remote violence', 'Remote explosive/landmine/IED'], 10],
  [['Explosions/Remote violence', 'Shelling/artillery/missile attack'], 5],
  [['Explosions/Remote violence', 'Air/drone strike'], 3],
  [['Violence against civilians', 'Attack'], 6],
  [['Protests', 'Peaceful protest'], 10],
  [['Riots', 'Mob violence'], 3],
  [['Strategic developments', 'Agreement'], 3],
];
const ACTORS = [
  'Northern Front',
  'Military Forces of Freedonia (2014-)',
  'Police Forces of Freedonia (2014-)',
  'Unidentified Armed Group (Freedonia)',
  'River Militia',
  'Protesters (Freedonia)',
  'Civilians (Freedonia)',
];
const PLACES = Array.from({ length: 400 }, (_, i) => ({
  name: `Town ${i}`,
  admin1: `Province ${i % 34}`,
  admin2: `District ${i % 120}`,
  lat: Number((29 + rand() * 9).toFixed(4)),
  lon: Number((61 + rand() * 10).toFixed(4)),
}));
const SOURCES = ['Invented Wire', 'Example News; Sample Press', 'Local Monitor'];

async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  let buf = `${ACLED_COLUMNS.join(',')}\n`;
  const start = Date.UTC(2016, 0, 1);
  for (let i = 1; i <= rows; i++) {
    const [type, sub] = weighted(TYPES);
    const place = pick(PLACES);
    const day = new Date(start + Math.floor(rand() * 3 * 365) * 86_400_000).toISOString().slice(0, 10);
    const dead = rand() < 0.6 ? 0 : Math.floor(rand() * 20);
    const a1 = pick(ACTORS);
    const a2 = rand() < 0.7 ? pick(ACTORS) : '';
    const notes = `On ${acledDate(day)}, ${a1} and ${a2 || 'unknown men'} fought near ${place.name}, ${place.admin1}. ${dead} fatalities${rand() < 0.3 ? ' (a source said "more")' : ''}.`;
    const values: Record<string, string | number> = {
      data_id: 7_000_000 + i,
      iso: 4,
      event_id_cnty: `FRD${i}`,
      event_id_no_cnty: i,
      event_date: acledDate(day),
      year: day.slice(0, 4),
      time_precision: weighted([
        [1, 85],
        [2, 12],
        [3, 3],
      ]),
      event_type: type,
      sub_event_type: sub,
      actor1: a1,
      assoc_actor_1: '',
      inter1: 2,
      actor2: a2,
      assoc_actor_2: '',
      inter2: a2 ? 1 : 0,
      interaction: 12,
      region: 'Caucasus and Central Asia',
      country: 'Freedonia',
      admin1: place.admin1,
      admin2: place.admin2,
      admin3: '',
      location: place.name,
      latitude: place.lat,
      longitude: place.lon,
      geo_precision: weighted([
        [1, 50],
        [2, 45],
        [3, 5],
      ]),
      source: pick(SOURCES),
      source_scale: 'National',
      notes,
      fatalities: dead,
      timestamp: 1584984341,
      iso3: 'FRD',
    };
    buf += `${ACLED_COLUMNS.map((c) => csvField(values[c])).join(',')}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

const csv = join(tmpdir(), `truce-bench-acled-${rows}.csv`);
if (reuse && existsSync(csv)) console.log(`reusing ${csv}`);
else {
  console.log(`generating ${rows.toLocaleString('en')} rows in ${csv} ...`);
  await generate(csv);
}
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model})`);
console.log(
  `${(statSync(csv).size / 1e6).toFixed(0)} MB; command: truce import acled <csv> --db <tmp> --format json ${batch.join(' ')}`,
);

const rates: number[] = [];
for (let r = 1; r <= runs; r++) {
  const db = join(tmpdir(), `truce-bench-import-${process.pid}-${r}.db`);
  const loadBefore = load();
  const t0 = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      USAGE_HOOK,
      '--import',
      'tsx',
      join(ROOT, 'src/cli/main.ts'),
      'import',
      'acled',
      csv,
      '--db',
      db,
      '--format',
      'json',
      ...batch,
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  const summary = JSON.parse(run.stdout) as { read: number; new: number; seconds: number };
  const usage = JSON.parse(/USAGE (.*)/.exec(run.stderr)?.[1] ?? '{}') as {
    cpu?: number;
    mainCpu?: number | null;
    maxRssMb?: number;
  };
  const rate = summary.read / summary.seconds;
  rates.push(rate);
  console.log(
    `run ${r}: ${summary.new.toLocaleString('en')} new of ${summary.read.toLocaleString('en')} rows in ${summary.seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} rows/s (import only); ` +
      `whole command ${wall.toFixed(2)} s = ${Math.round(summary.read / wall).toLocaleString('en')} rows/s; ` +
      `CPU ${usage.cpu?.toFixed(1)} s (main thread ${usage.mainCpu?.toFixed(1) ?? '?'} s), peak RSS ${usage.maxRssMb?.toFixed(0)} MB; load before ${loadBefore}, after ${load()}`,
  );
  if (r === runs) await timeImportQueries(db, 200);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
}
const sorted = [...rates].sort((a, b) => a - b);
console.log(
  `import: median ${Math.round(sorted[Math.floor(sorted.length / 2)]!).toLocaleString('en')} rows/s over ${runs} run(s), ` +
    `best ${Math.round(sorted.at(-1)!).toLocaleString('en')} (target >= 50,000)`,
);
if (!keep) rmSync(csv, { force: true });
