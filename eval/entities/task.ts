/** Task `entities`: CoNLL-2003 dev (testa) and re3d, our entities + places layers beside compromise. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conllSpansOf, parseConll, TagService, type LabelledSpan } from '../../src/services/tag.service.js';
import { createPlainReader } from '../../src/services/plain-reader.js';
import { createReadingPipeline } from '../../src/nlp/analyze.js';
import { loadDataFile } from '../../src/core/data-file.js';
import { recogniserSchema } from '../../src/nlp/entities/dictionary.schema.js';
import { fingerprint, missing } from '../lib/data.js';
import { addCounts, prf, zeroCounts, type Counts } from '../lib/prf.js';
import { OURS, type ScoreRow, type Skipped, type TaskResult } from '../lib/task.js';
import { compromiseSpans } from './compromise-peer.js';
import type { Doc } from '../../src/core/document.js';
import { asRe3dMention, conllCounts, matchCounts, nonOverlapping, overlapCounts, type Chunk } from './score.js';

const PEER = 'compromise 14';
const RE3D_TYPES: Record<string, string> = { Person: 'person', Organisation: 'organisation', Location: 'place' };
const FROM_MENTION = { person: 'person', organization: 'organisation', place: 'place' } as const;
const FROM_CONLL: Record<LabelledSpan['label'], string> = {
  PER: 'person',
  ORG: 'organisation',
  LOC: 'place',
  MISC: 'misc',
};

const row = (measure: string, system: string, c: Counts, target?: string): ScoreRow => {
  const s = prf(c);
  return { measure, system, p: s.p, r: s.r, score: s.f1, ...(target ? { target } : {}) };
};

interface Re3dDoc {
  readonly id: string;
  readonly text: string;
  readonly gold: Chunk[];
}

function loadRe3d(dir: string): { docs: Re3dDoc[]; files: string[] } {
  const files: string[] = [];
  const docs: Re3dDoc[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const docPath = join(dir, folder, 'documents.jsonl');
    const entPath = join(dir, folder, 'entities.jsonl');
    if (missing([docPath, entPath])) continue;
    files.push(docPath, entPath);
    const lines = (p: string) =>
      readFileSync(p, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
    const gold = new Map<string, Map<string, Chunk>>();
    for (const e of lines(entPath) as Array<{
      documentId: string;
      begin: number;
      end: number;
      type: string;
      confidence: number;
    }>) {
      const type = RE3D_TYPES[e.type];
      if (!type || e.confidence < 0.5) continue;
      const m = gold.get(e.documentId) ?? gold.set(e.documentId, new Map()).get(e.documentId)!;
      m.set(`${e.begin}:${e.end}:${type}`, { start: e.begin, end: e.end, type });
    }
    for (const d of lines(docPath) as Array<{ _id: string; text: string }>)
      docs.push({ id: d._id, text: d.text, gold: [...(gold.get(d._id)?.values() ?? [])] });
  }
  return { docs: docs.sort((a, b) => a.id.localeCompare(b.id)), files };
}

/** The recogniser's capitalised person titles, longest first. */
function capitalisedTitles(): string[] {
  const { titles } = loadDataFile('entities/recogniser.yaml', recogniserSchema);
  return titles.filter((t) => /^\p{Lu}/u.test(t)).sort((a, b) => b.length - a.length);
}

export function runEntities(root: string): TaskResult | Skipped {
  const conllPath = join(root, 'conll2003-en', 'eng.testa.txt');
  const re3dDir = join(root, 're3d-syria-iraq-ner');
  const absent = missing([conllPath, re3dDir]);
  if (absent) return { task: 'entities', skipped: `data not found: ${absent}` };

  const rows: ScoreRow[] = [];
  const floors: Record<string, number> = {};
  const { tokens, gold } = parseConll(readFileSync(conllPath, 'utf8'));
  const tagger = new TagService();
  const errors: string[] = [];
  // A stage that throws on one text counts as finding nothing there, and is reported.
  const safely =
    <A extends unknown[]>(spansOf: (text: string, ...rest: A) => LabelledSpan[]) =>
    (text: string, ...rest: A): LabelledSpan[] => {
      try {
        return spansOf(text, ...rest);
      } catch (err) {
        errors.push((err as Error).message);
        return [];
      }
    };
  const oursTags = tagger.tag(tokens, safely(tagger.ourSpans));
  const peerTags = tagger.tag(tokens, compromiseSpans);
  const ours = conllCounts(gold, oursTags);
  const peer = conllCounts(gold, peerTags);
  const name = `CoNLL-2003 testa (${tokens.length} sent.)`;
  rows.push(row(name, OURS, ours.get('ALL')!, 'F1 >= 0.91'));
  rows.push(row('', PEER, peer.get('ALL')!));
  rows.push({ measure: '', system: 'Stanford CRF (testb, published)', p: null, r: null, score: 0.869 });
  floors['conll.f1'] = prf(ours.get('ALL')!).f1;
  for (const type of ['PER', 'ORG', 'LOC', 'MISC']) {
    rows.push(row(`  ${type}`, OURS, ours.get(type) ?? zeroCounts()));
    rows.push(row('', PEER, peer.get(type) ?? zeroCounts()));
  }

  const { docs, files } = loadRe3d(re3dDir);
  const reader = createPlainReader('mentions', createReadingPipeline({ mentions: true }));
  const exact = { ours: zeroCounts(), peer: zeroCounts() };
  const namesOnly = zeroCounts();
  const bare = { ours: zeroCounts(), peer: zeroCounts() };
  const titles = capitalisedTitles();
  const overlap = { ours: zeroCounts(), peer: zeroCounts() };
  for (const doc of docs) {
    // re3d's gold keeps three of its types; a span of another type (MISC) is neither right nor wrong.
    const typed = (spans: LabelledSpan[]) =>
      nonOverlapping(
        spans.filter((s) => s.label !== 'MISC').map((s) => ({ start: s.start, end: s.end, type: FROM_CONLL[s.label] })),
      );
    // One reading gives the names and the mentions layer; a text the pipeline throws on finds nothing.
    let read: Doc | null = null;
    let names: LabelledSpan[] = [];
    try {
      read = reader.read(doc.text);
      names = conllSpansOf(read);
    } catch (err) {
      errors.push((err as Error).message);
    }
    const o = typed(names);
    const p = typed(compromiseSpans(doc.text));
    const asMentions = (spans: Chunk[]) => spans.map((s) => asRe3dMention(doc.text, s, titles));
    const oMentions = asMentions(o);
    // The mentions layer (pronouns, common-noun phrases, acting states) first: on the same words it
    // wins over a name's reading ("the UK" said: an organisation, not the place).
    const layer = (read?.mentions?.mentions ?? []).map((m) => ({
      start: m.start,
      end: m.end,
      type: FROM_MENTION[m.type],
    }));
    for (const c of matchCounts(doc.gold, nonOverlapping([...layer, ...oMentions])).values()) addCounts(exact.ours, c);
    for (const c of matchCounts(doc.gold, nonOverlapping(oMentions)).values()) addCounts(namesOnly, c);
    for (const c of matchCounts(doc.gold, nonOverlapping(asMentions(p))).values()) addCounts(exact.peer, c);
    for (const c of matchCounts(doc.gold, o).values()) addCounts(bare.ours, c);
    for (const c of matchCounts(doc.gold, p).values()) addCounts(bare.peer, c);
    addCounts(overlap.ours, overlapCounts(doc.gold, o));
    addCounts(overlap.peer, overlapCounts(doc.gold, p));
  }
  rows.push(row(`re3d exact (${docs.length} docs)`, OURS, exact.ours, 'F1 >= 0.75'));
  rows.push(row('', PEER, exact.peer));
  rows.push(row('re3d exact, names only', OURS, namesOnly));
  rows.push(row('re3d exact, bare names', OURS, bare.ours));
  rows.push(row('', PEER, bare.peer));
  rows.push(row('re3d overlapping', OURS, overlap.ours));
  rows.push(row('', PEER, overlap.peer));
  floors['re3d.f1'] = prf(exact.ours).f1;

  return {
    task: 'entities',
    title: 'named entities (entities + places layers)',
    fingerprint: fingerprint([conllPath, ...files], { chunkTokens: 400, re3dConfidence: 0.5 }),
    rows,
    floors,
    notes: [
      ...(errors.length
        ? [`PIPELINE ERRORS on ${errors.length} texts (counted as finding nothing), first: ${errors[0]}`]
        : []),
      "CoNLL: conlleval exact-span F1; `truce tag --conll`: the entities stage's name tagger (Viterbi) on the given tokens",
      "re3d: our entities + places layers, the tagger's other spans where free; entities with confidence >= 0.5, Person/Organisation/Location only (mapped to person/organisation/place)",
      're3d exact: the mentions layer (pronouns, common-noun phrases, countries acting as states) with the names read as re3d mentions (a leading "the" before an organisation or place, a capitalised title before a person, as its guidelines annotate them); "names only": without the mentions layer; "bare names": the names as tagged; "overlapping": names only',
      'compromise: people()/organizations()/places(), run on the same texts, trailing punctuation trimmed from its spans',
    ],
  };
}
