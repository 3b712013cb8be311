/**
 * Entities stage: people, organisations and armed groups, resolved to canonical names, with the
 * ACLED actor each stands for. Dictionary first (longest alias wins), then generic mentions
 * resolved through the report's country context, then the rule-based recogniser, then coreference.
 */
import type { Doc, EntitiesLayer, Entity } from '../../core/document.js';
import type { Stage } from '../stage.js';
import { layer } from '../stage.js';
import {
  countCountries,
  pickContext,
  pickFightingCountry,
  resolveGeneric,
  sponsored,
  type Resolved,
} from './context.js';
import type { Role } from './dictionary.schema.js';
import { corefMentions, DocMemory } from './coreference.js';
import { loadEntityData, type DictValue, type EntityData } from './dictionary.js';
import { tokenTexts } from '../sentences/token-text.js';
import { FormCache, type Form, tokenize, tokensFromLayer, type Tok } from './fold.js';
import type { Match } from './matcher.js';
import { buildLexicon, facilityMask, isCreditLine, lexiconFlags, recognise, type Lexicon } from './recogniser.js';
import { withoutOverlaps } from './overlaps.js';
import { modelEntities, NameTagger } from './model/tagger.js';

interface SentenceScan {
  readonly toks: Tok[];
  readonly matches: Match<DictValue>[];
  /** facilityMask(toks), once computed (the name tagger's pass reads it again). */
  facility?: Uint8Array | null;
}

function makeEntity(body: string, start: number, end: number, r: Resolved, via: Entity['via']): Entity {
  return { start, end, text: body.slice(start, end), type: r.type, canonical: r.canonical, actor: r.actor, via };
}

/** The report's country facts, and the country a generic role stands for in it. */
interface ReportContext {
  /** The report's own country (state roles: "security forces", "the government"). */
  readonly country: string | null;
  /** The country whose fighters a non-state role ("rebels") names, never the sponsor's. */
  fighting(role: Role | null, sponsor: string | null): string | null;
}

function reportContext(
  counts: ReadonlyMap<string, number>,
  conflict: ReadonlySet<string>,
  atWar: (code: string) => boolean,
): ReportContext {
  const country = pickContext(counts, conflict);
  let top = 0;
  let topConflict = 0;
  for (const [code, n] of counts) {
    top = Math.max(top, n);
    if (conflict.has(code)) topConflict = Math.max(topConflict, n);
  }
  // A clear non-conflict country (a Jakarta attack story naming Syria in passing) is the scene itself,
  // unless a conflict country is named often enough to be the war the story is about.
  const scene = country && !conflict.has(country) && topConflict * 3 < top ? country : null;
  return {
    country,
    fighting(role, sponsor) {
      // Rebels and separatists imply a war; gunmen and militants may strike anywhere (Jakarta, Brussels).
      const war = role === 'rebels' || role === 'kurdish';
      if (scene && !war) return scene === sponsor ? null : scene;
      return pickFightingCountry(counts, conflict, atWar, sponsor);
    },
  };
}

/** A generic mention, with an adjacent demonym as its country or a "<Demonym>-backed" sponsor. */
function genericEntity(
  body: string,
  scan: SentenceScan,
  mi: number,
  role: DictValue & { kind: 'generic' },
  data: EntityData,
  ctx: ReportContext,
  lex: Lexicon,
): Entity {
  const { toks, matches } = scan;
  const m = matches[mi]!;
  const prev = mi > 0 ? matches[mi - 1]! : null;
  let start = toks[m.from]!.start;
  const end = toks[m.to - 1]!.end;
  const verbTok = m.from > 0 ? toks[m.from - 1]! : null;
  const state = role.role === 'military' || role.role === 'government';
  const qualifier = prev && prev.value.kind === 'cue' && (prev.value.form === 'demonym' || prev.value.form === 'name');
  // "Turkish-backed rebels": cue, then a sponsor verb joined by a hyphen, then the generic phrase.
  if (
    qualifier &&
    prev.value.kind === 'cue' &&
    prev.to === m.from - 1 &&
    verbTok &&
    lex.sponsorVerbs.has(verbTok.key) &&
    body[verbTok.start - 1] === '-'
  ) {
    const sponsor = body.slice(toks[prev.from]!.start, toks[prev.to - 1]!.end);
    const base = resolveGeneric(data, role.role, state ? ctx.country : ctx.fighting(role.role, prev.value.country));
    const r = state ? base : sponsored(base, sponsor, verbTok.key);
    return makeEntity(body, toks[prev.from]!.start, end, r, 'rule');
  }
  // "Syrian rebels", "Iraqi militants": the demonym fixes the country whatever the context.
  if (qualifier && prev.value.kind === 'cue' && prev.to === m.from) {
    start = toks[prev.from]!.start;
    return makeEntity(body, start, end, resolveGeneric(data, role.role, prev.value.country), 'rule');
  }
  const country = state ? ctx.country : ctx.fighting(role.role, null);
  return makeEntity(body, start, end, resolveGeneric(data, role.role, country), 'rule');
}

function overlaps(mask: Uint8Array | null, from: number, to: number): boolean {
  if (!mask) return false;
  for (let k = from; k < to; k++) if (mask[k]) return true;
  return false;
}

/**
 * "the Russians" as a government: definite, at the head of a clause (sentence start or after a
 * comma, "and", "but", "while"), and the subject of a political verb ("refused", "said"), auxiliaries allowed between.
 */
function politicalSubject(toks: readonly Tok[], from: number, to: number, lex: Lexicon): boolean {
  if (from < 1 || toks[from - 1]!.key !== 'the') return false;
  const before = from >= 2 ? toks[from - 2]! : null;
  if (before && before.word && !lex.clauseOpeners.has(before.key)) return false;
  let k = to;
  while (k < toks.length && lex.auxiliaries.has(toks[k]!.key)) k++;
  return k < toks.length && lex.politicalVerbs.has(toks[k]!.key);
}

/** POS carried over from the sentence layer's token (undefined in the headline). */
const posOf = (t: Tok): string | undefined => t.pos;

/** Per-token flags of one sentence, reused sentence after sentence instead of four new arrays each. */
class TokenFlags {
  covered = new Uint8Array(256);
  cue = new Uint8Array(256);
  afterTitle = new Uint8Array(256);
  claimed = new Uint8Array(256);

  /** The four arrays, zero over [0, n). */
  ready(n: number): TokenFlags {
    if (this.covered.length < n) {
      const size = n * 2;
      this.covered = new Uint8Array(size);
      this.cue = new Uint8Array(size);
      this.afterTitle = new Uint8Array(size);
      this.claimed = new Uint8Array(size);
    } else {
      this.covered.fill(0, 0, n);
      this.cue.fill(0, 0, n);
      this.afterTitle.fill(0, 0, n);
    }
    return this;
  }
}

function run(
  doc: Doc,
  data: EntityData,
  lex: Lexicon,
  conflict: ReadonlySet<string>,
  atWar: (code: string) => boolean,
  tagger: NameTagger,
  forms: FormCache,
  flags: TokenFlags,
): EntitiesLayer {
  const clean = layer(doc, 'clean');
  const sentences = layer(doc, 'sentences');
  if (!sentences.english) return { entities: [], warnings: [] };
  const body = clean.body;
  const known = tokenTexts(sentences, body);
  // Each layer token's form: the name tagger keeps its decoder slot on it.
  const formOf = new Array<Form>(sentences.tokens.length);
  const scans: SentenceScan[] = sentences.sentences.map((s) => {
    const toks = tokensFromLayer(body, sentences.tokens, s.tokenStart, s.tokenEnd, known, forms, formOf);
    return { toks, matches: data.index.scan(toks) };
  });
  const headline = clean.headline
    ? (() => {
        const toks = tokenize(clean.headline);
        return { toks, matches: data.index.scan(toks) };
      })()
    : null;
  const counts = countCountries(scans, headline);
  const ctx = reportContext(counts, conflict, atWar);
  // A named group found by rule fights in the war the report is about.
  const groupCountry = ctx.fighting(null, null);

  const entities: Entity[] = [];
  const seen = new Set<string>();
  const memory = new DocMemory();
  for (const scan of scans) {
    const { toks, matches } = scan;
    // Flags per token in the stage's scratch arrays, zeroed over [0, n) (every read stays below n).
    const { covered, cue, afterTitle, claimed } = flags.ready(toks.length);
    const facility = facilityMask(toks, lex);
    scan.facility = facility;
    const credit = isCreditLine(toks, lex);
    for (let mi = 0; mi < matches.length; mi++) {
      const m = matches[mi]!;
      const v = m.value;
      if (v.kind === 'cue') {
        for (let k = m.from; k < m.to; k++) cue[k] = 1;
        if (v.form === 'people' && politicalSubject(toks, m.from, m.to, lex)) {
          entities.push(
            makeEntity(
              body,
              toks[m.from - 1]!.start,
              toks[m.to - 1]!.end,
              resolveGeneric(data, 'government', v.country),
              'rule',
            ),
          );
          covered[m.from - 1] = 1;
        }
        continue;
      }
      if (overlaps(facility, m.from, m.to) || (credit && v.kind === 'entity' && v.type === 'person')) {
        for (let k = m.from; k < m.to; k++) covered[k] = 1;
        continue;
      }
      for (let k = m.from; k < m.to; k++) covered[k] = 1;
      if (v.kind === 'title') {
        if (m.to < toks.length) afterTitle[m.to] = v.strong ? 2 : 1;
        continue;
      }
      if (v.kind === 'generic') {
        // "the Air Force Technical College": a capitalised phrase that runs on is part of a name.
        const last = toks[m.to - 1]!;
        const next = toks[m.to];
        if (last.shape >= 1 && next && next.word && next.shape >= 1) {
          for (let k = m.from; k < m.to; k++) covered[k] = 0;
          continue;
        }
        entities.push(genericEntity(body, scan, mi, v, data, ctx, lex));
        continue;
      }
      if (v.afterFull && !seen.has(v.canonical)) {
        for (let k = m.from; k < m.to; k++) covered[k] = 0;
        continue;
      }
      const start = toks[m.from]!.start;
      const end = toks[m.to - 1]!.end;
      // A bare surname goes to the person of that surname already named in this report.
      const local = v.surnameOnly ? memory.person(toks[m.from]!.key) : undefined;
      const canonical = local ?? v.canonical;
      const via = v.afterFull || (local && local !== v.canonical) ? 'coreference' : 'dictionary';
      entities.push({ start, end, text: body.slice(start, end), type: v.type, canonical, actor: v.actor, via });
      seen.add(canonical);
      if (v.type === 'person') memory.notePerson(canonical);
      else memory.noteOrganization(canonical);
    }
    if (facility) for (let k = 0; k < toks.length; k++) if (facility[k]) covered[k] = 1;
    if (credit) continue; // "Reporting by ...; Editing by ...": staff names, not actors
    for (let k = 0; k < toks.length; k++) claimed[k] = covered[k]!;
    for (const c of recognise(toks, { covered, cue, afterTitle }, lex, posOf)) {
      const start = toks[c.from]!.start;
      const end = toks[c.to - 1]!.end;
      const canonical = body.slice(start, end).replace(/\s+/g, ' ');
      const known = c.to - c.from === 1 && c.type === 'person' ? memory.person(toks[c.from]!.key) : undefined;
      const actor = c.type === 'group' ? { name: canonical, side: null, country: groupCountry, generic: false } : null;
      entities.push({
        start,
        end,
        text: body.slice(start, end),
        type: c.type,
        canonical: known ?? canonical,
        actor,
        via: known ? 'coreference' : 'rule',
      });
      for (let k = c.from; k < c.to; k++) claimed[k] = 1;
      if (c.type === 'person') memory.notePerson(canonical);
      else memory.noteOrganization(canonical);
    }
    corefMentions(body, toks, claimed, cue, memory, lex.stopwords, entities);
  }
  // Statistical tagger (model/): people and organisations no dictionary entry or rule found.
  entities.push(...modelEntities(body, sentences, scans, lex, entities, tagger, known, formOf));
  return { entities: withoutOverlaps(entities), warnings: [] };
}

export function createEntitiesStage(): Stage<'entities'> {
  const data = loadEntityData();
  const lex = buildLexicon(data.recogniser);
  const conflict = new Set(data.generics.conflictCountries);
  // Countries with a known armed opposition are at civil war: their war is likelier the one reported.
  const civilWars = new Set(data.generics.countries.filter((c) => c.rebels).map((c) => c.code));
  const atWar = (code: string): boolean => civilWars.has(code);
  const tagger = NameTagger.load();
  const forms = new FormCache(
    (key) => data.index.first(key),
    (key) => lexiconFlags(lex, key),
  );
  const flags = new TokenFlags();
  return {
    adds: 'entities',
    needs: ['clean', 'sentences'],
    run: (doc) => run(doc, data, lex, conflict, atWar, tagger, forms, flags),
  };
}
