/**
 * The places stage: finds place names in the cleaned body, resolves each to one gazetteer entry
 * (ranked by the report's country context, then our alias file, then size), and gives it
 * coordinates, an ACLED geoPrecision and, for a capital acting as its government, a metonym.
 */
import type { CleanLayer, Doc, Entity, PlaceMention, PlacesLayer, SentencesLayer } from '../../core/document.js';
import { byStart } from '../../core/span.js';
import type { Stage } from '../stage.js';
import { layer } from '../stage.js';
import { tokenTexts } from '../sentences/token-text.js';
import { loadGazetteer, type Gazetteer, type GazEntry } from './gazetteer.js';
import { firstMatch, loadRules, unitAfter, type PlaceRules } from './rules.js';
import { createScanner, type Candidate, type DemonymHit } from './scan.js';
import { overlapsAny, overlapsOther, spanIndex, type SpanIndex } from './span-index.js';
import { areaKey, areasAround, provinceSpelling, respelled, type Areas, type Holder } from './areas.js';
import { bump, datelineCountry, datelineTown, WEIGHT } from './context.js';
import { CAPITALISED_BEFORE, LOCATIVE_AFTER_RE, LOCATIVE_RE, WINDOW } from './cues.js';
import { countryMention, districtOfTown, mention } from './mention.js';
import { createProvinceSpellings } from './province-spellings.js';
import { accepted, BIG, choose, dominant, rivalsOf } from './rank.js';
import { townInName } from './town-in-name.js';
import { capitalRefs } from './capital-ref.js';
import { entityCountry, loadCountryData, type CountryData } from '../entities/entity-country.js';

export interface PlacesInput {
  readonly body: string;
  readonly sentences: SentencesLayer;
  readonly entities: readonly Entity[];
  readonly dateline?: CleanLayer['dateline'];
}

export interface PlacesFinder {
  find(input: PlacesInput): PlacesLayer;
}

const notCountry = (e: GazEntry): boolean => e.kind !== 'country';

/** Entities that are not places and not a place name used as an actor ("Moscow" as a government). */
function blockers(entities: SpanIndex<Entity>, c: Candidate | DemonymHit): boolean {
  return overlapsOther(entities, c);
}

/**
 * The country of a name that is only a province (admin1) of one country ("Sindh"); null when it is also a
 * town or a province of another country ("Punjab", "Forest").
 */
function provinceCountry(entries: readonly GazEntry[]): string | null {
  const country = entries[0]!.country;
  return entries.every((e) => e.kind === 'admin1' && e.country === country) ? country : null;
}

/** What one resolution of a report's names needs besides the context. */
interface ReportNames {
  readonly spelled: ReadonlyMap<Candidate, GazEntry>;
  /** Unknown names after a locative cue, which may be a place of the context spelled another way. */
  readonly respell: readonly Candidate[];
  readonly body: string;
  readonly kept: readonly Candidate[];
  readonly unknown: readonly Candidate[];
  readonly demonyms: readonly DemonymHit[];
  readonly others: SpanIndex<Entity>;
  /** `kept`, indexed for overlap tests. */
  readonly keptIndex: SpanIndex<Candidate>;
  readonly dateline: CleanLayer['dateline'] | undefined;
  readonly areasOf: (c: Candidate) => Areas;
}

export function createPlacesFinder(
  gaz: Gazetteer = loadGazetteer(),
  rules: PlaceRules = loadRules(),
  /** The countries parties and organisations belong to ("Awami League": Bangladesh); null: none. */
  countries: CountryData | null = loadCountryData(),
): PlacesFinder {
  const scan = createScanner(gaz);
  // provinceSpelling's answers, by the report's main countries then the name (reports share both).
  const spellingsIn = createProvinceSpellings();

  /**
   * Resolves every name in one country context; `supported` lists the countries of well-supported
   * places, each with its weight (a capital or province tells more than a town unique of its name).
   * `learned`: the context was inferred from those places, not named, so small places abroad are out.
   */
  function resolve(
    r: ReportNames,
    ctx: ReadonlyMap<string, number>,
    learned = false,
  ): { layer: PlacesLayer; supported: [string | null, number][] } {
    const { body, kept, unknown, demonyms, others, dateline, areasOf, keptIndex } = r;
    const supported: [string | null, number][] = [];
    const places: PlaceMention[] = [];
    const warnings: string[] = [];
    const about = new Map<string, number>(ctx);
    const town = datelineTown(gaz, dateline?.place);
    // A name the gazetteer does not place in the report's countries, marked as a district of a town.
    const inTown = (c: Candidate, before: string, after: string): boolean => {
      // Religious and ethnic adjectives ("a Sunni district") are no district's name.
      if (!town || (c.initial && c.pos !== 'PROPN') || gaz.stop.has(c.key)) return false;
      // The first word of the key (the key itself when one word, already tested).
      const space = c.key.indexOf(' ');
      if (space >= 0 && gaz.stop.has(c.key.slice(0, space))) return false;
      if (!firstMatch(rules.districtBefore, before) && !firstMatch(rules.districtAfter, after)) return false;
      places.push(districtOfTown(body, c, town, gaz));
      warnings.push(
        `W202 "${body.slice(c.start, c.end)}" is not in the gazetteer for the report's countries; placed in ${town.name} as a district`,
      );
      return true;
    };
    for (const c of kept) {
      const before = body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start);
      const after = body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW));
      const areas = areasOf(c);
      const e = choose(c, ctx, areas);
      if (!accepted(c, e, gaz, ctx, before, after, areas, !learned, unitAfter(rules, after)?.countries)) {
        if (!c.continuesArabic && !c.inLongerName && e.country !== town?.country) inTown(c, before, after);
        continue;
      }
      const m = mention(body, c, e, gaz, rules, before, after);
      places.push(m);
      if (m.kind !== 'country' && m.kind !== 'region') bump(about, m.country, WEIGHT.place);
      // Provincial and national capitals, and places unique or dominant of their name, tell the country.
      if (m.kind !== 'country' && (BIG.has(e.source) || c.entries.length === 1 || dominant(c, e)))
        supported.push([e.country, BIG.has(e.source) ? 2 : 1]);
      // Big places of other countries with the name, when the report's countries do not decide.
      const rivals = e.country && ctx.get(e.country) ? null : rivalsOf(c, e);
      if (rivals) {
        warnings.push(
          `W201 "${m.text}" is ambiguous (${[e.country, ...rivals].join(', ')}); chose ${e.country ?? '?'} without support from the report's countries`,
        );
      }
    }
    for (const [c, e] of r.spelled) {
      const before = body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start);
      const after = body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW));
      places.push(mention(body, c, e, gaz, rules, before, after));
    }
    // With no country in the report, only a large town spelled so anywhere (`respelled`); it then tells the country.
    for (const c of r.respell) {
      const e = respelled(gaz, c.key, ctx, areasOf(c));
      if (e === null) continue;
      const before = body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start);
      const after = body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW));
      places.push(mention(body, c, e, gaz, rules, before, after));
      if (ctx.size === 0) supported.push([e.country, 1]);
    }
    if (town)
      for (const c of unknown) {
        if (overlapsAny(keptIndex, c) || blockers(others, c)) continue;
        const before = body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start);
        const after = body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW));
        inTown(c, before, after);
      }
    for (const d of demonyms) {
      const after = body.slice(d.end, Math.min(d.sentence.end, d.end + WINDOW));
      if (!firstMatch(rules.demonymPlace, after) || blockers(others, d)) continue;
      places.push(countryMention(body, d, gaz));
    }
    places.sort(byStart);
    const countryContext = [...about.entries()]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k);
    return { layer: { places, countryContext, warnings }, supported };
  }
  return {
    find({ body, sentences, entities, dateline }) {
      const candidates: Candidate[] = [];
      const demonyms: DemonymHit[] = [];
      const unknown: Candidate[] = [];
      const known = tokenTexts(sentences, body);
      for (const s of sentences.sentences) scan(body, s, sentences.tokens, known, candidates, demonyms, unknown);
      // Only entities that are not places can block a name; filter them once, not per candidate.
      const otherList = entities.filter((e) => e.type !== 'place');
      const others = spanIndex(otherList);
      const nonPersons = spanIndex(otherList.filter((e) => e.type !== 'person'));
      const persons = spanIndex(otherList.filter((e) => e.type === 'person'));
      // A name after a locative cue ("in Khost", "Nadir Shah Kot district") is a place even when the
      // name tagger took a word of it for a person.
      const located = (c: Candidate): boolean =>
        LOCATIVE_RE.test(body.slice(Math.max(c.sentence.start, c.start - WINDOW), c.start)) ||
        LOCATIVE_AFTER_RE.test(body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW)));
      // "outside the Karachi Press Club": the town that opens one of its institutions' names is the place,
      // though the name runs on and may be tagged an organisation.
      const named = candidates.map((c) =>
        c.inLongerName &&
        !CAPITALISED_BEFORE.test(body.slice(Math.max(c.sentence.start, c.start - 30), c.start)) &&
        firstMatch(rules.institution, body.slice(c.end, Math.min(c.sentence.end, c.end + WINDOW)))
          ? { ...c, inLongerName: false, institution: true }
          : c,
      );
      // The names kept, and (in order) those an entity blocks.
      let kept = named;
      const dropped: Candidate[] = [];
      if (otherList.length) {
        kept = [];
        for (const c of named) {
          const keep =
            !blockers(others, c) ||
            (!blockers(persons, c) && c.institution === true) ||
            (!blockers(nonPersons, c) && c.entries.some(notCountry) && located(c));
          (keep ? kept : dropped).push(c);
        }
      }
      // First pass: context from what is unambiguous (countries, the dateline, demonyms, alias places).
      const ctx = new Map<string, number>();
      bump(ctx, datelineCountry(gaz, dateline?.place), WEIGHT.dateline);
      for (const d of demonyms) bump(ctx, d.country, WEIGHT.demonym);
      // A party, armed group or force of one country ("Awami League", "MQM") weighs as a demonym, once per
      // distinct entity.
      if (countries) {
        const seen = new Set<string>();
        for (const e of entities) {
          if (seen.has(e.canonical)) continue;
          // A party word ("Maoists") has no country: the group's own name later in the report still weighs.
          const code = entityCountry(e, countries);
          if (code === null) continue;
          seen.add(e.canonical);
          bump(ctx, code, WEIGHT.demonym);
        }
      }
      // Units only some countries have ("upazila": Bangladesh) weigh as a demonym, once per kind of unit.
      for (const u of rules.units)
        if (u.anywhere.test(body)) for (const code of u.countries) bump(ctx, code, WEIGHT.demonym);
      // A country named inside an organisation's name ("National Bank of Pakistan") tells the country
      // as a demonym does, though it is no place of the report.
      for (const c of dropped) {
        if (blockers(persons, c)) continue;
        if (c.entries[0]!.kind === 'country') bump(ctx, c.entries[0]!.country, WEIGHT.demonym);
        // So does a province ("the Sindh Teachers Union").
        else bump(ctx, provinceCountry(c.entries), WEIGHT.demonym);
      }
      for (const c of kept) {
        const top = c.entries[0]!;
        if (top.kind === 'country') bump(ctx, top.country, WEIGHT.country);
        else if (top.source === 'alias' && c.entries.every((e) => e.source !== 'alias' || e.country === top.country))
          bump(ctx, top.country, 1);
        // A name that is only a province of one country ("across Sindh") tells the country as a demonym
        // does, as it does inside an organisation's name (a capitalised sentence opener proves nothing).
        else if (!(c.initial && c.pos !== 'PROPN')) bump(ctx, provinceCountry(c.entries), WEIGHT.demonym);
      }
      // located(unknown[k]), computed once (0: not yet, 1: no, 2: yes); the two passes below ask it
      // last, after the cheaper tests.
      const unknownLocated = new Uint8Array(unknown.length);
      const locatedUnknown = (k: number): boolean => {
        if (unknownLocated[k] === 0) unknownLocated[k] = located(unknown[k]!) ? 2 : 1;
        return unknownLocated[k] === 2;
      };
      // Unknown names after a locative cue that are a province of the report's countries spelled another way.
      const spelled = new Map<Candidate, GazEntry>();
      const keptIndex = spanIndex(kept);
      if (ctx.size > 0) {
        // The report's two main countries only: a province of a country named in passing is rare.
        const main = [...ctx.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 2)
          .map(([k]) => k);
        const spellings = spellingsIn(main);
        for (let k = 0; k < unknown.length; k++) {
          const c = unknown[k]!;
          if (c.key.length < 4 || gaz.stop.has(c.key) || gaz.demonyms.has(c.key)) continue;
          if (overlapsAny(keptIndex, c) || blockers(nonPersons, c) || !locatedUnknown(k)) continue;
          let e = spellings.get(c.key);
          if (e === undefined) spellings.set(c.key, (e = provinceSpelling(gaz, c.key, main)));
          if (e) spelled.set(c, e);
        }
      }
      // Names that may be the province or country holding a place named just before or after them.
      const holders = new Map<number, Holder[]>();
      const hold = (c: Candidate): void => {
        const province = spelled.get(c);
        const top = province ?? c.entries[0];
        let list = holders.get(c.sentence.start);
        if (list === undefined) holders.set(c.sentence.start, (list = []));
        list.push({
          start: c.start,
          end: c.end,
          key: province ? areaKey(province.name) : c.key,
          country: top?.kind === 'country' ? top.country : null,
        });
      };
      for (const c of kept) hold(c);
      for (const c of unknown) hold(c);
      // Unknown names after a locative cue, for another spelling of a place (`respelled`, per context).
      const respell: Candidate[] = [];
      for (let k = 0; k < unknown.length; k++) {
        const c = unknown[k]!;
        if (spelled.has(c) || (c.initial && c.pos !== 'PROPN') || gaz.stop.has(c.key)) continue;
        if (!overlapsAny(keptIndex, c) && !blockers(nonPersons, c) && locatedUnknown(k)) respell.push(c);
      }
      const names: ReportNames = {
        spelled,
        respell,
        body,
        kept,
        unknown,
        demonyms,
        others,
        dateline,
        keptIndex,
        areasOf: (c) => areasAround(body, c, holders),
      };
      const first = resolve(names, ctx);
      // A report that names no country is about the country its well-supported places point to most
      // ("in Quetta" -> Pakistan; a province or capital outweighs a town unique of its name abroad); its
      // other names are then resolved again in that context, with no small place abroad ("Panjab
      // University" in a story of Chandigarh is no Afghan district).
      let result = first.layer;
      let final: ReadonlyMap<string, number> = ctx;
      if (ctx.size === 0) {
        const votes = new Map<string, number>();
        for (const [country, w] of first.supported) bump(votes, country, w);
        const most = Math.max(0, ...votes.values());
        const learned = new Map<string, number>();
        for (const [country, w] of votes) if (w === most) bump(learned, country, WEIGHT.place);
        if (learned.size > 0) [result, final] = [resolve(names, learned, true).layer, learned];
      }
      // "in the capital": the capital of the report's country, where no place of ours stands.
      result = capitalRefs(gaz, rules, body, result, ctx);
      return result.places.some((p) => p.latitude !== null)
        ? result
        : townInName(gaz, rules, body, result, named, final);
    },
  };
}

export function createPlacesStage(): Stage<'places'> {
  const finder = createPlacesFinder();
  return {
    adds: 'places',
    needs: ['clean', 'sentences', 'entities'],
    run(doc: Doc): PlacesLayer {
      const clean = layer(doc, 'clean');
      return finder.find({
        body: clean.body,
        sentences: layer(doc, 'sentences'),
        entities: layer(doc, 'entities').entities,
        dateline: clean.dateline,
      });
    },
  };
}
