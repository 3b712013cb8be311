/**
 * `npx tsx eval/events/actor-misses.ts [actor1|actor2] [--data PATH] [--top N] [--fresh [--slice N]]`: what kind of
 * actor misses dominate, on the TRAINING texts of the ACLED notes only (split.ts: the held-out
 * fifth is never read here, so rules revised from this output stay out of sample there).
 *
 * Each training text's main event (as the `events` task scores it) falls in one category:
 * right; no event; no actor; missing country (our name is ACLED's without its country, "Protesters"
 * for "Protesters (India)"); wrong country (same role, another country); role swap (our actor1 is
 * ACLED's actor2, or the reverse); generic for named (ours is a generic actor, ACLED's a named
 * group) or named for generic; unknown group (both named, different); other. Prints the counts,
 * then the most frequent (ours -> ACLED) name pairs of the largest categories: names only, never
 * note texts.
 */
import { actorKey, type GoldEvent } from './score.js';
import { MissTally, missOptions, readTrainingTexts, writeDump } from './training.js';

export type MissKind =
  | 'right'
  | 'no event'
  | 'no actor'
  | 'missing country'
  | 'wrong country'
  | 'role swap'
  | 'generic for named'
  | 'named for generic'
  | 'unknown group'
  | 'other';

/** ACLED's generic actors: a role with its country, or a state force of a country. */
const GENERIC =
  /^(protesters|rioters|civilians|unidentified armed group|unidentified military forces|police forces of|military forces of|prisoners|labou?r group|students|farmers|lawyers|journalists|teachers|health workers|government of|private security forces)/;

/** The role of an actor key with its country taken off ("protesters (india)" -> "protesters"). */
export function roleOf(key: string): string {
  return key
    .replace(/\s*\((?:country unknown|[^)]*)\)\s*$/, '')
    .replace(/^(police forces|military forces|government) of .*$/, '$1')
    .trim();
}

export const isGeneric = (key: string): boolean => GENERIC.test(key);

/** The category of one text's miss for `field` (our name vs the names ACLED coded). */
export function classify(
  field: 'actor1' | 'actor2',
  ours: { actor1: string | null; actor2: string | null } | null,
  golds: readonly GoldEvent[],
): { kind: MissKind; gold: string } {
  const other = field === 'actor1' ? 'actor2' : 'actor1';
  const goldNames = golds.map((g) => g[field]).filter((n) => n.trim() !== '');
  const gold = goldNames[0] ?? '';
  if (!ours) return { kind: 'no event', gold };
  const mine = ours[field];
  if (field === 'actor2' && goldNames.length < golds.length && mine === null) return { kind: 'right', gold: '' };
  if (mine !== null && goldNames.some((g) => actorKey(g) === actorKey(mine))) return { kind: 'right', gold: mine };
  if (mine === null) {
    const swapped = ours[other];
    if (swapped !== null && goldNames.some((g) => actorKey(g) === actorKey(swapped)))
      return { kind: 'role swap', gold };
    return { kind: 'no actor', gold };
  }
  const k = actorKey(mine);
  if (golds.some((g) => g[other].trim() !== '' && actorKey(g[other]) === k)) return { kind: 'role swap', gold };
  for (const g of goldNames) {
    const gk = actorKey(g);
    if (roleOf(gk) === roleOf(k) && roleOf(gk) !== gk) {
      const noCountry = k === roleOf(k) || /\(country unknown\)$/.test(k);
      return { kind: noCountry ? 'missing country' : 'wrong country', gold: g };
    }
  }
  const gk = actorKey(gold);
  if (isGeneric(k) && !isGeneric(gk)) return { kind: 'generic for named', gold };
  if (!isGeneric(k) && isGeneric(gk)) return { kind: 'named for generic', gold };
  if (!isGeneric(k) && !isGeneric(gk)) return { kind: 'unknown group', gold };
  return { kind: 'other', gold };
}

function main(): void {
  const argv = process.argv.slice(2);
  const field = argv.includes('actor2') ? 'actor2' : 'actor1';
  const { root, top, show, dump: dumpTo, fresh } = missOptions(argv, 12);
  const dump: string[] = [];
  const tally = new MissTally();
  const trained = readTrainingTexts(
    root,
    ({ text, n, doc, event: e }) => {
      const { kind, gold } = classify(field, e && { actor1: e.actor1, actor2: e.actor2 }, text.events);
      // W706: the country of the generic actors came from the text's cues (note-country.ts), not its places.
      const cue = doc?.events?.warnings.some((w) => w.startsWith('W706')) ? ' [cue]' : '';
      if (kind === show)
        console.log(`[${e?.[field] ?? '(none)'} -> ${gold}]${cue} {${e?.subEventType ?? ''}} ${text.notes}\n`);
      if (dumpTo !== null) dump.push(`${n}\t${kind}\t${e?.[field] ?? '(none)'}\t${gold}\t${e?.subEventType ?? ''}`);
      tally.add(kind, `${e?.[field] ?? '(none)'} -> ${gold || '(none)'}${cue}`);
    },
    fresh,
  );
  writeDump(dumpTo, dump);
  tally.print(field, trained, top, 18);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
