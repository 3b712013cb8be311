/** Task `boilerplate`: the clean stage on two public boilerplate-removal sets, with the shipped peers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportInput } from '../../src/core/document.js';
import { createCleanStage } from '../../src/nlp/clean/clean.stage.js';
import { fingerprint, missing } from '../lib/data.js';
import { prf } from '../lib/prf.js';
import { OURS, type ScoreRow, type Skipped, type TaskResult } from '../lib/task.js';
import { averagePr, segmentCounts, shinglePr, type PagePr } from './score.js';

const AEB = 'article-extraction-benchmark';
const TRAF = 'trafilatura-eval-en';
const PEERS = [
  ['trafilatura.json', 'trafilatura 2.0.0'],
  ['readability_js.json', 'Readability.js 0.6.0'],
  ['readability.json', 'readability-lxml 0.8.4.1'],
  ['newspaper.json', 'newspaper'],
] as const;

type Bodies = Record<string, { articleBody?: string }>;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const bodiesOf = (v: unknown): Bodies => ((v as { output?: Bodies }).output ?? v) as Bodies;

export function runBoilerplate(root: string): TaskResult | Skipped {
  const truthPath = join(root, AEB, 'ground-truth.json');
  const trafPath = join(root, TRAF, 'evaldata-en.json');
  const absent = missing([truthPath, trafPath]);
  if (absent) return { task: 'boilerplate', skipped: `data not found: ${absent}` };
  const clean = createCleanStage();
  const errors: string[] = [];
  const extract = (html: string, url?: string) => {
    const input: ReportInput = { raw: html, mediaType: 'text/html', ...(url ? { url } : {}) };
    try {
      return clean.run({ input }).body;
    } catch (err) {
      errors.push((err as Error).message);
      return '';
    }
  };

  const truth = readJson(truthPath) as Record<string, { articleBody: string; url: string }>;
  const ids = Object.keys(truth).sort();
  const files = [truthPath, ...ids.map((id) => join(root, AEB, 'html', `${id}.html`))];
  const ours: PagePr[] = ids.map((id) =>
    shinglePr(
      truth[id]!.articleBody,
      extract(readFileSync(join(root, AEB, 'html', `${id}.html`), 'utf8'), truth[id]!.url),
    ),
  );
  const target = 'F1 >= 0.96';
  const rows: ScoreRow[] = [];
  const o = averagePr(ours);
  rows.push({ measure: `${AEB} (${ids.length} pages)`, system: OURS, p: o.p, r: o.r, score: o.f1, target });
  for (const [file, name] of PEERS) {
    const path = join(root, AEB, 'baseline-outputs', file);
    if (missing([path])) continue;
    files.push(path);
    const peer = bodiesOf(readJson(path));
    const a = averagePr(ids.map((id) => shinglePr(truth[id]!.articleBody, peer[id]?.articleBody ?? '')));
    rows.push({ measure: '', system: name, p: a.p, r: a.r, score: a.f1 });
  }

  const traf = readJson(trafPath) as Record<string, { file: string; with?: string[]; without?: string[] }>;
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [url, page] of Object.entries(traf).sort(([a], [b]) => a.localeCompare(b))) {
    const path = join(root, TRAF, 'html', page.file);
    files.push(path);
    const got = segmentCounts(extract(readFileSync(path, 'utf8'), url), page.with ?? [], page.without ?? []);
    c.tp += got.tp;
    c.fp += got.fp;
    c.fn += got.fn;
    c.tn += got.tn;
  }
  const t = prf(c);
  const pages = Object.keys(traf).length;
  rows.push({ measure: `${TRAF} segments (${pages} pages)`, system: OURS, p: t.p, r: t.r, score: t.f1 });
  const accuracy = (c.tp + c.tn) / Math.max(1, c.tp + c.tn + c.fp + c.fn);
  rows.push({ measure: `${TRAF} accuracy`, system: OURS, p: null, r: null, score: accuracy });

  return {
    task: 'boilerplate',
    title: 'main text of web pages (clean stage)',
    fingerprint: fingerprint(files, {}),
    rows,
    floors: { 'aeb.f1': o.f1, 'traf.f1': t.f1 },
    notes: [
      ...(errors.length ? [`CLEAN ERRORS on ${errors.length} pages (scored as empty), first: ${errors[0]}`] : []),
      'peers: the outputs shipped with the benchmark, scored here with the same metric',
      `${TRAF}: no peer outputs ship with the English subset (upstream figures are for the whole multilingual set)`,
    ],
  };
}
