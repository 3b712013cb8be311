/** Task `quotes`: PolNeAR dev attributions against the quotes stage (via the `truce quotes` service). */
import { join } from 'node:path';
import { QuotesService } from '../../src/services/quotes.service.js';
import { fingerprint, missing } from '../lib/data.js';
import { OURS, type ScoreRow, type Skipped, type TaskResult } from '../lib/task.js';
import { readPolnear } from './polnear.js';
import {
  addPr,
  isDirectContent,
  prfOf,
  scoreAttributions,
  zeroPr,
  type PrCounts,
  type GoldAttribution,
  type PredictedAttribution,
  type Range,
} from './score.js';

const KINDS = ['direct', 'indirect', 'all'] as const;

export function runQuotes(root: string): TaskResult | Skipped {
  const path = join(root, 'polnear-quotes', 'dev.jsonl');
  const absent = missing([path]);
  if (absent) return { task: 'quotes', skipped: `data not found: ${absent}` };
  const { records, extraAnnotations } = readPolnear(path);

  const service = new QuotesService();
  const errors: string[] = [];
  const totals = Object.fromEntries(KINDS.map((k) => [k, { content: zeroPr(), withSpeaker: zeroPr() }])) as Record<
    (typeof KINDS)[number],
    { content: PrCounts; withSpeaker: PrCounts }
  >;
  for (const record of records) {
    const gold: GoldAttribution[] = record.attributions
      .filter((a) => a.content.length > 0)
      .map((a) => ({
        content: a.content.flatMap((c) => c.spans) as Range[],
        source: a.source.flatMap((s) => s.spans) as Range[],
        direct: isDirectContent([...a.content].sort((x, y) => x.spans[0]![0] - y.spans[0]![0]).map((c) => c.text)),
      }));
    let found: ReturnType<QuotesService['chainedAttributions']> = [];
    try {
      found = service.chainedAttributions(record.text);
    } catch (err) {
      errors.push((err as Error).message);
    }
    const predicted: PredictedAttribution[] = found.map((a) => ({
      content: [a.content.start, a.content.end],
      speaker: a.speaker_chain.map((m) => [m.start, m.end] as Range),
      direct: a.kind === 'direct',
    }));
    for (const kind of KINDS) {
      const keep = (x: { direct: boolean }) => kind === 'all' || x.direct === (kind === 'direct');
      const c = scoreAttributions(gold, predicted, keep, keep);
      addPr(totals[kind].content, c.content);
      addPr(totals[kind].withSpeaker, c.withSpeaker);
    }
  }
  const rows: ScoreRow[] = [];
  const floors: Record<string, number> = {};
  const targets = { direct: 'F1 >= 0.90', indirect: '', all: 'F1 >= 0.75' };
  for (const kind of KINDS) {
    const sp = prfOf(totals[kind].withSpeaker);
    const ct = prfOf(totals[kind].content);
    const n = totals[kind].content.gold;
    rows.push({
      measure: `${kind} (${n} gold): speaker + content`,
      system: OURS,
      p: sp.p,
      r: sp.r,
      score: sp.f1,
      target: targets[kind],
    });
    rows.push({ measure: `${kind}: content only`, system: OURS, p: ct.p, r: ct.r, score: ct.f1 });
    floors[`${kind}.speaker.f1`] = sp.f1;
  }
  return {
    task: 'quotes',
    title: `attributions, PolNeAR dev (${records.length} articles)`,
    fingerprint: fingerprint([path], { firstAnnotatorOnly: true }),
    rows,
    floors,
    notes: [
      ...(errors.length
        ? [`PIPELINE ERRORS on ${errors.length} articles (counted as misses), first: ${errors[0]}`]
        : []),
      'match = our content assigned to the gold content it overlaps most (overlap >= half the shorter); pieces of one gold content each count',
      'speaker right = our mention or a mention in its chain (same entity) overlaps a gold source span, or both have none',
      'direct = at least half of the gold content between quotation marks / our kind "direct"; P over ours, R over gold; no peer figures published',
      `${extraAnnotations} extra annotations of already-counted articles left out`,
    ],
  };
}
