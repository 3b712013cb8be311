/**
 * Task `dedupe`: syndicated copies and updated versions, measured through the real ingest path.
 * The 207 Reuters posts of ../shared are ingested as `truce ingest posts.jsonl --map ...` would
 * (IngestService into a throw-away SQLite store: clean, analyse, store, MinHash signature, LSH
 * candidates from the store, link to the canonical report), then the links the store holds are
 * scored against hand labels (eval/dedupe/labels/). A threshold sweep replays the same linking
 * decision (chooseCanonical) over the stored signatures and band keys with other thresholds.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bandKeys,
  chooseCanonical,
  compare,
  defaultThresholds,
  fromBytes,
  type Relation,
  type Thresholds,
} from '../../src/ingest/dedupe/index.js';
import { createReader } from '../../src/nlp/analyze.js';
import { AnalyzeService } from '../../src/services/analyze.service.js';
import { IngestService, type IngestOutcome } from '../../src/services/ingest.service.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite.store.js';
import type { Store } from '../../src/store/store.js';
import { fingerprint } from '../lib/data.js';
import { OURS, type ScoreRow, type Skipped, type TaskResult } from '../lib/task.js';
import { postsPath, readPosts } from './corpus.js';
import { EARLIER_LABELS_PATH, LABELS_PATH, readLabels, readOtherLabels, type LabelsFile } from './labels.js';
import {
  agreement,
  binaryScore,
  confusion,
  sameStory,
  storedRelation,
  type BinaryScore,
  type Scored,
  type StoredLink,
} from './score.js';

/** The field map `truce ingest` is given for this corpus. */
export const FIELD_MAP = 'html=raw_body_html,published=post_date,title=title,url=original_link';

/** Alternative thresholds replayed over the stored signatures (each row changes one thing). */
function sweep(t: Thresholds): [string, Thresholds][] {
  const v = (patch: Partial<Thresholds['version']>): Thresholds => ({ ...t, version: { ...t.version, ...patch } });
  return [
    ['version C>=0.15', v({ containment: 0.15 })],
    ['version C>=0.20', v({ containment: 0.2 })],
    ['version C>=0.30', v({ containment: 0.3 })],
    ['version C>=0.35', v({ containment: 0.35 })],
    ['version C rule off', v({ containment: 1 })],
    ['version J>=0.20', v({ jaccard: 0.2 })],
    ['version J>=0.40', v({ jaccard: 0.4 })],
    ['C rule needs J>=0.05', v({ containmentMinJaccard: 0.05 })],
    ['C rule needs J>=0.15', v({ containmentMinJaccard: 0.15 })],
    ['copy J>=0.70', { ...t, copy: { jaccard: 0.7 } }],
    ['copy J>=0.95', { ...t, copy: { jaccard: 0.95 } }],
  ];
}

const pct = (x: number) => (100 * x).toFixed(1);
const describe = (t: Thresholds) =>
  `copy J>=${t.copy.jaccard}; version J>=${t.version.jaccard}, or C>=${t.version.containment} with J>=${t.version.containmentMinJaccard}`;

/** Links as the ingest left them in the store, by post id. */
async function storedLinks(
  store: Store,
  reportOf: ReadonlyMap<string, IngestOutcome>,
): Promise<Map<string, StoredLink>> {
  const out = new Map<string, StoredLink>();
  for (const [post, o] of reportOf) {
    if (o.reportId === undefined) continue;
    const r = await store.getReport(o.reportId);
    if (!r) continue;
    const relation = o.status === 'copy' || o.status === 'version' ? o.status : null;
    out.set(post, { reportId: r.id, canonical: r.canonicalReportId, relation: r.canonicalReportId ? relation : null });
  }
  return out;
}

/** The linking decision of ingest replayed in id order over the stored signatures, with thresholds `t`. */
async function replay(store: Store, reportIds: readonly number[], t: Thresholds): Promise<Map<number, StoredLink>> {
  const links = new Map<number, StoredLink>();
  for (const id of [...new Set(reportIds)].sort((a, b) => a - b)) {
    const bytes = await store.getSignature(id);
    if (!bytes) continue;
    const sig = fromBytes(bytes);
    const candidates = (await store.findSignatureCandidates([...bandKeys(sig)], 1000))
      .filter((c) => c.reportId < id && links.has(c.reportId))
      .map((c) => ({
        reportId: c.reportId,
        canonicalReportId: links.get(c.reportId)!.canonical,
        signature: fromBytes(c.signature),
      }));
    const best = chooseCanonical(id, sig, candidates, t);
    links.set(id, { reportId: id, canonical: best?.canonical ?? null, relation: best?.relation ?? null });
  }
  return links;
}

function scoreRows(labels: LabelsFile, relationOf: (a: string, b: string) => Relation): Scored[] {
  const weight = (s: keyof LabelsFile['sample']['strata']) => {
    const info = labels.sample.strata[s]!;
    return info.population / Math.max(1, info.labelled);
  };
  return labels.pairs.map((p) => ({ gold: p.label, predicted: relationOf(p.a, p.b), weight: weight(p.stratum) }));
}

const unweighted = (rows: readonly Scored[]): Scored[] => rows.map(({ gold, predicted }) => ({ gold, predicted }));
const row = (measure: string, system: string, s: BinaryScore): ScoreRow => ({
  measure,
  system,
  p: s.precision,
  r: s.recall,
  score: s.f1,
});

export async function runDedupe(dataRoot: string): Promise<TaskResult | Skipped> {
  const path = postsPath(dataRoot);
  if (!existsSync(path)) return { task: 'dedupe', skipped: `the Reuters posts are not here (${path})` };
  const posts = readPosts(path);
  const byLine = new Map(posts.map((p) => [p.line, p]));
  const labels = readLabels();
  const known = new Set(posts.map((p) => p.id));
  const lost = labels.pairs.filter((p) => !known.has(p.a) || !known.has(p.b));
  if (lost.length) throw new Error(`${lost.length} labelled pairs name posts not in ${path} (first: ${lost[0]!.a})`);

  const dir = mkdtempSync(join(tmpdir(), 'truce-eval-dedupe-'));
  const store = await openSqliteStore({ path: join(dir, 'dedupe.db') });
  try {
    // ---------------------------------------------------------------- ingest, as the CLI does
    const outcomes = new Map<string, IngestOutcome>();
    const summary = await new IngestService(store, new AnalyzeService(createReader())).ingest(
      [path],
      { map: FIELD_MAP },
      (o) => {
        const line = Number(/ line (\d+)$/.exec(o.what)?.[1]);
        const post = byLine.get(line);
        if (post) outcomes.set(post.id, o);
      },
    );
    const links = await storedLinks(store, outcomes);
    const rows = scoreRows(labels, (a, b) => storedRelation(links.get(a), links.get(b)));
    const sample = unweighted(rows);
    const same = binaryScore(sample, sameStory);
    const copy = binaryScore(sample, (r) => r === 'copy');
    const version = binaryScore(sample, (r) => r === 'version');
    const population = binaryScore(rows, sameStory);

    // ---------------------------------------------------------------- the sweep, replayed over the store
    const t = defaultThresholds();
    const reportIds = [...links.values()].map((l) => l.reportId);
    const replayed = async (th: Thresholds) => {
      const r = await replay(store, reportIds, th);
      const of = (post: string) => {
        const l = links.get(post);
        return l ? r.get(l.reportId) : undefined;
      };
      return { links: r, rows: unweighted(scoreRows(labels, (a, b) => storedRelation(of(a), of(b)))) };
    };
    const shipped = await replayed(t);
    const mismatch = [...links.values()].filter((l) => {
      const r = shipped.links.get(l.reportId);
      return !r || r.canonical !== l.canonical || (l.canonical !== null && r.relation !== l.relation);
    }).length;
    const sweepRows: ScoreRow[] = [
      row('same story', 'replay, thresholds in use', binaryScore(shipped.rows, sameStory)),
    ];
    for (const [name, th] of sweep(t)) {
      const r = (await replayed(th)).rows;
      const s = binaryScore(r, sameStory);
      const c = binaryScore(r, (x) => x === 'copy');
      sweepRows.push({ ...row('same story', `replay, ${name}`, s), target: `copy F1 ${c.f1.toFixed(3)}` });
    }

    // ---------------------------------------------------------------- margins and agreement
    const sigOf = async (post: string) => {
      const l = links.get(post);
      const b = l ? await store.getSignature(l.reportId) : null;
      return b ? fromBytes(b) : null;
    };
    let weakestSame = { j: 1, c: 1 };
    let closestDistinct = { j: 0, c: 0 };
    for (const p of labels.pairs) {
      const [a, b] = [await sigOf(p.a), await sigOf(p.b)];
      if (!a || !b) continue;
      const cmp = compare(a, b, t);
      if (sameStory(p.label) && cmp.jaccard < weakestSame.j) weakestSame = { j: cmp.jaccard, c: cmp.containment };
      if (!sameStory(p.label) && cmp.containment > closestDistinct.c)
        closestDistinct = { j: cmp.jaccard, c: cmp.containment };
    }
    const earlier = readOtherLabels();
    const mine = new Map(labels.pairs.map((p) => [[p.a, p.b].sort().join('|'), p.label]));
    const both = earlier.pairs.flatMap((p) => {
      const x = mine.get([p.a, p.b].sort().join('|'));
      return x ? [{ x, y: p.label }] : [];
    });
    const agree = agreement(both);

    const m = confusion(sample);
    const strata = Object.entries(labels.sample.strata)
      .map(([s, i]) => {
        const pos = labels.pairs.filter((p) => p.stratum === s && sameStory(p.label)).length;
        return `${s} ${i.labelled}/${i.population} (${pos} same-story)`;
      })
      .join(', ');
    const count = (l: Relation) => labels.pairs.filter((p) => p.label === l).length;
    const errors = labels.pairs
      .map((p, i) => ({ p, predicted: sample[i]!.predicted }))
      .filter(({ p, predicted }) => p.label !== predicted)
      .map(({ p, predicted }) => `${p.label} -> ${predicted} (${p.stratum}) ${p.a} ${p.b}`);
    return {
      task: 'dedupe',
      title: `copies and versions through ingest, ${labels.pairs.length} hand-labelled pairs of the 207 Reuters posts`,
      // The thresholds are left out on purpose: changing them is what the gate must judge.
      fingerprint: fingerprint([path, fileURLToPath(LABELS_PATH)], { map: FIELD_MAP }),
      rows: [
        row('same story (copy or version)', OURS, same),
        row('same story, population estimate', `${OURS} (pairs weighted by stratum)`, population),
        row('copy', OURS, copy),
        row('version', OURS, version),
        ...sweepRows,
      ],
      floors: { 'same.f1': same.f1, 'same.p': same.precision, 'same.r': same.recall, 'copy.f1': copy.f1 },
      notes: [
        `ingest: read ${summary.read}, new ${summary.new}, copies ${summary.copies}, versions ${summary.versions}, unchanged ${summary.unchanged}, quarantined ${summary.quarantined}, failed ${summary.failed}`,
        `thresholds in use (src/ingest/dedupe/thresholds.yaml): ${describe(t)}`,
        `labels ${labels.labelled} (${labels.annotator}): ${count('copy')} copy, ${count('version')} version, ${count('distinct')} distinct; strata labelled/population: ${strata}`,
        `same story: tp ${same.tp}, fp ${same.fp}, fn ${same.fn}; ${pct(same.precision)}% precision, ${pct(same.recall)}% recall on the labelled pairs`,
        `confusion gold x predicted (copy, version, distinct): ${m.map((r) => r.join('/')).join('; ')}`,
        `margin: weakest same-story pair J ${weakestSame.j.toFixed(3)} C ${weakestSame.c.toFixed(3)}; distinct pair with the highest containment J ${closestDistinct.j.toFixed(3)} C ${closestDistinct.c.toFixed(3)} (MinHash estimates)`,
        `replay of the linking rule over the store at the thresholds in use: ${mismatch === 0 ? 'same links as ingest' : `${mismatch} reports linked differently from ingest`}`,
        `agreement with ${earlier.annotator}: ${agree.same}/${agree.n} pairs labelled alike, kappa ${agree.kappa.toFixed(3)} on same story (${fileURLToPath(EARLIER_LABELS_PATH).split('/').slice(-1)[0]})`,
        ...errors.map((e) => `error: ${e}`),
      ],
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
