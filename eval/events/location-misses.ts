/**
 * `npx tsx eval/events/location-misses.ts [--data PATH] [--top N] [--show CLASS] [--dump FILE]
 * [--fresh [--slice N]]`: why the
 * main event's location misses (> 25 km from every gold row), on the TRAINING texts of the ACLED notes
 * only (split.ts: the held-out fifth is never read here).
 *
 * Each training text falls in one class:
 * - right: the location the `events` task scores is within 25 km of some gold row;
 * - no event: no main event (the location cannot be right);
 * - a no place: the places layer found no place with coordinates in the text;
 * - b not found: ACLED's place name (`location` column) is in the text, but no place of ours lies within
 *   25 km of a gold row and none of our mentions covers the name (scanner / gazetteer gap);
 * - b wrong referent: as above, but a mention of ours covers the name and was resolved > 25 km away;
 * - c event took another: some place of ours is within 25 km of a gold row, the event chose another one
 *   (the events stage's choice, not the places stage's);
 * - d not named: ACLED's place name is not in the text (admin-level coding, a coder's spelling, ...).
 *
 * Prints the counts overall and per ACLED file, then the most frequent name patterns around ACLED's
 * place name where we miss it (class b: "X district", "village of X", ...): names and patterns only,
 * never note texts (unless --show, for reading on screen).
 */
import type { PlaceMention } from '../../src/core/document.js';
import { fold } from '../../src/nlp/places/fold.js';
import { loadGazetteer } from '../../src/nlp/places/gazetteer.js';
import { kmBetween } from '../fixture/score.js';
import type { GoldEvent } from './score.js';
import { missOptions, readTrainingTexts, writeDump } from './training.js';

export const CLASSES = [
  'right',
  'no event',
  'a no place',
  'b not found',
  'b wrong referent',
  'c event took another',
  'd not named',
] as const;
export type LocationClass = (typeof CLASSES)[number];

const near = (g: GoldEvent, lat: number | null, lng: number | null): boolean =>
  lat !== null && lng !== null && kmBetween(g.latitude, g.longitude, lat, lng) <= 25;

/** Where ACLED's place name (folded, on word boundaries) occurs in the text: [start, end) offsets, or null. */
export function findName(text: string, name: string): [number, number] | null {
  const bare = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (bare.length < 3) return null;
  const esc = bare
    .split(/[\s-]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\']/g, (c) => (c === "'" ? "['’]?" : `\\${c}`)))
    .join('[\\s-]+');
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'iu').exec(
    text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''),
  );
  return m ? [m.index, m.index + m[0].length] : null;
}

/** The words around a name occurrence as a pattern: "village of X", "X district", "X area of Y". */
export function patternAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 40), start).match(/([\p{L}']+[\s,]+){0,2}$/u)?.[0] ?? '';
  const after = text.slice(end, end + 40).match(/^[\s,]*([\p{L}']+)?(\s+(of|in)\s+)?/u)?.[0] ?? '';
  const b = before
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => (/^\p{Lu}/u.test(w) ? 'Y' : w.toLowerCase()));
  const a = after
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => (/^\p{Lu}/u.test(w) ? 'Y' : w.toLowerCase().replace(/,/g, '')));
  const tail = a.length > 0 && (a[a.length - 1] === 'of' || a[a.length - 1] === 'in') ? [...a, 'Y'] : a;
  return [...b.slice(-2), 'X', ...tail.slice(0, 3)].join(' ');
}

export function classifyText(
  golds: readonly GoldEvent[],
  text: string,
  places: readonly PlaceMention[],
  chosen: { latitude: number | null; longitude: number | null } | null,
  hasEvent: boolean,
): { kind: LocationClass; name: string; at: [number, number] | null } {
  if (chosen && golds.some((g) => near(g, chosen.latitude, chosen.longitude)))
    return { kind: 'right', name: '', at: null };
  const named = golds.map((g) => ({ g, at: findName(text, g.location ?? '') })).find((x) => x.at !== null);
  const name = golds[0]?.location ?? '';
  if (!hasEvent) return { kind: 'no event', name, at: named?.at ?? null };
  const located = places.filter((p) => p.latitude !== null && p.longitude !== null);
  if (located.length === 0) return { kind: 'a no place', name, at: named?.at ?? null };
  if (located.some((p) => golds.some((g) => near(g, p.latitude, p.longitude))))
    return { kind: 'c event took another', name, at: named?.at ?? null };
  if (named) {
    const [s, e] = named.at!;
    const covering = places.some((p) => p.start < e && p.end > s);
    return { kind: covering ? 'b wrong referent' : 'b not found', name: named.g.location ?? '', at: named.at };
  }
  return { kind: 'd not named', name, at: null };
}

function main(): void {
  const { root, top, show, dump: dumpTo, fresh } = missOptions(process.argv.slice(2), 15);
  const dump: string[] = [];
  const counts = new Map<string, Map<LocationClass, number>>();
  const patterns = new Map<LocationClass, Map<string, number>>();
  const precisions = new Map<LocationClass, Map<number, number>>();
  const examples = new Map<LocationClass, string[]>();
  // Of the texts whose gold name is in the text: is that name (folded) a gazetteer key at all?
  const gaz = loadGazetteer();
  const inGaz = new Map<LocationClass, number>();
  const gaps = new Map<LocationClass, Map<string, number>>();
  const trained = readTrainingTexts(
    root,
    ({ file, text, n, doc, event: e }) => {
      const fileName = file.name.replace(/\.csv$/, '');
      const perFile = counts.get(fileName) ?? counts.set(fileName, new Map()).get(fileName)!;
      const places: readonly PlaceMention[] = doc?.places?.places ?? [];
      const chosen = e ? { latitude: e.location?.latitude ?? null, longitude: e.location?.longitude ?? null } : null;
      const { kind, name, at } = classifyText(text.events, text.notes, places, chosen, e !== null);
      perFile.set(kind, (perFile.get(kind) ?? 0) + 1);
      const pr = precisions.get(kind) ?? precisions.set(kind, new Map()).get(kind)!;
      const gp = text.events[0]?.geoPrecision ?? 0;
      pr.set(gp, (pr.get(gp) ?? 0) + 1);
      const ours = places.map((p) => `${p.name}/${p.country ?? '?'}`).join(', ');
      const example = `${e?.location?.name ?? '(none)'} -> ${name} [${text.events[0]?.admin1 ?? ''} / ${text.events[0]?.admin2 ?? ''}] (places: ${ours || '-'})`;
      const ex = examples.get(kind) ?? examples.set(kind, []).get(kind)!;
      ex.push(example);
      if (at) {
        const m = patterns.get(kind) ?? patterns.set(kind, new Map()).get(kind)!;
        const p = patternAround(text.notes, at[0], at[1]);
        m.set(p, (m.get(p) ?? 0) + 1);
        const spelled = text.notes.slice(at[0], at[1]);
        if (gaz.byName.get(fold(spelled))) inGaz.set(kind, (inGaz.get(kind) ?? 0) + 1);
        else {
          const g = gaps.get(kind) ?? gaps.set(kind, new Map()).get(kind)!;
          g.set(spelled, (g.get(spelled) ?? 0) + 1);
        }
      }
      if (kind === show) console.log(`[${example}]\n${text.notes}\n`);
      if (dumpTo !== null) dump.push(`${n}\t${kind}\t${e?.location?.name ?? '(none)'}\t${name}`);
    },
    fresh,
  );
  writeDump(dumpTo, dump);
  console.log(`location on the ${trained} training texts (held-out fifth not read)`);
  const total = new Map<LocationClass, number>();
  for (const m of counts.values()) for (const [k, c] of m) total.set(k, (total.get(k) ?? 0) + c);
  const files = [...counts.keys()];
  console.log(
    `  ${'class'.padEnd(22)} ${'all'.padStart(11)}  ${files.map((f) => f.slice(6, 20).padStart(14)).join(' ')}`,
  );
  for (const k of CLASSES) {
    const c = total.get(k) ?? 0;
    const cells = files.map((f) => String(counts.get(f)!.get(k) ?? 0).padStart(14)).join(' ');
    console.log(`  ${k.padEnd(22)} ${String(c).padStart(5)} ${(c / trained).toFixed(3)}  ${cells}`);
  }
  for (const k of CLASSES) {
    if (k === 'right' || !total.get(k)) continue;
    const pr = [...(precisions.get(k) ?? [])].sort((a, b) => a[0] - b[0]).map(([p, c]) => `${p}:${c}`);
    const named = [...(patterns.get(k) ?? new Map<string, number>()).values()].reduce((a, b) => a + b, 0);
    console.log(
      `\n${k}: ACLED geo_precision ${pr.join(' ')}; gold name in the text: ${named}, of which a gazetteer name: ${inGaz.get(k) ?? 0}`,
    );
    const lacking = [...(gaps.get(k) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, top);
    if (lacking.length > 0)
      console.log(`  gold names the gazetteer lacks: ${lacking.map(([x, c]) => `${x} ${c}`).join(', ')}`);
    const list = [...(patterns.get(k) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, top);
    if (list.length > 0) console.log('  patterns around the gold name:');
    for (const [p, c] of list) console.log(`  ${String(c).padStart(4)}  ${p}`);
    console.log('  examples (ours -> ACLED [admin1 / admin2] (our places)):');
    for (const x of (examples.get(k) ?? []).slice(0, Math.min(top, 8))) console.log(`    ${x}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
