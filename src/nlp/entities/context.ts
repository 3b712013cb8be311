/**
 * The report's country context and the resolution of generic mentions through it:
 * "government forces" in a Syria story are the Military Forces of Syria.
 */
import type { ActorRef, EntityType } from '../../core/document.js';
import type { DictValue, EntityData } from './dictionary.js';
import type { Match } from './matcher.js';
import type { Role } from './dictionary.schema.js';

/** Country mentions of the report: names, demonyms, capitals, and state actors; the headline counts too. */
export function countCountries(
  scans: readonly { readonly matches: readonly Match<DictValue>[] }[],
  headline: { readonly matches: readonly Match<DictValue>[] } | null,
): Map<string, number> {
  const counts = new Map<string, number>();
  if (headline) countMatches(headline.matches, counts);
  for (const scan of scans) countMatches(scan.matches, counts);
  return counts;
}

/** Adds one sentence's country mentions to `counts` (a module function: tsx names every closure it creates). */
function countMatches(matches: readonly Match<DictValue>[], counts: Map<string, number>): void {
  for (const m of matches) {
    const v = m.value;
    let code: string | null = null;
    // Plural demonyms ("Americans among the suspects") name people, not where the story is.
    if (v.kind === 'cue') {
      if (v.form !== 'people') code = v.country;
    } else if (v.kind === 'entity' && v.actor) code = v.actor.country;
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
}

/** A conflict country ranks as if named this many times more often: it is likelier to be the scene. */
const CONFLICT_WEIGHT = 1.5;

/**
 * The report's country: the most-mentioned one (conflict countries weighted up), only when it is clear:
 * named at least twice (or the only country named) and ahead of the runner-up. Otherwise null: a
 * generic mention then stays without a country, never a default one.
 */
export function pickContext(counts: ReadonlyMap<string, number>, conflict: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let bestScore = 0;
  let second = 0;
  for (const [code, n] of counts) {
    const score = conflict.has(code) ? n * CONFLICT_WEIGHT : n;
    if (score > bestScore) {
      second = bestScore;
      best = code;
      bestScore = score;
    } else if (score > second) second = score;
  }
  if (best === null || bestScore === second) return null;
  if (counts.get(best)! < 2 && counts.size > 1) return null;
  return best;
}

/**
 * Where the fighting is, for non-state roles ("rebels", "militants"): the most-mentioned conflict
 * country, never the sponsor of the mention ("Turkish-backed rebels" fight elsewhere). A country at
 * civil war (`atWar`: Syria) wins when named at least three quarters as often as the leader: a war
 * reported from a neighbour is still that war. Null when no conflict country is named.
 */
export function pickFightingCountry(
  counts: ReadonlyMap<string, number>,
  conflict: ReadonlySet<string>,
  atWar: (code: string) => boolean,
  exclude: string | null = null,
): string | null {
  let best: string | null = null;
  let bestN = 0;
  let tie = false;
  for (const [code, n] of counts) {
    if (!conflict.has(code) || code === exclude) continue;
    if (n > bestN) {
      best = code;
      bestN = n;
      tie = false;
    } else if (n === bestN) tie = true;
  }
  if (best === null) return null;
  if (atWar(best) && !tie) return best;
  let specific: string | null = null;
  let specificN = 0;
  for (const [code, n] of counts) {
    if (!conflict.has(code) || code === exclude || !atWar(code)) continue;
    if (n * 4 >= bestN * 3 && n > specificN) {
      specific = code;
      specificN = n;
    }
  }
  return specific ?? (tie ? null : best);
}

export interface Resolved {
  readonly type: Exclude<EntityType, 'place'>;
  readonly canonical: string;
  readonly actor: ActorRef;
}

const FALLBACK: Record<Exclude<Role, 'military' | 'government'>, { name: string; side: string | null }> = {
  rebels: { name: 'Opposition Rebels', side: null },
  militants: { name: 'Unidentified Armed Group', side: null },
  jihadists: { name: 'Islamist Militants', side: 'jihadist' },
  kurdish: { name: 'Kurdish Forces', side: 'kurdish' },
};

/** The actor a generic role stands for in `country` (null: the report names no country). */
export function resolveGeneric(data: EntityData, role: Role, country: string | null): Resolved {
  if (role === 'military' || role === 'government') {
    const force = country ? data.forces.get(`${country}:${role}`) : undefined;
    const type = role === 'military' ? 'group' : 'organization';
    if (!force) {
      const name = role === 'military' ? 'Military Forces (country unknown)' : 'Government (country unknown)';
      return { type, canonical: name, actor: { name, side: null, country: null, generic: true } };
    }
    return { type, canonical: force.canonical, actor: { ...force.actor, generic: true } };
  }
  const specific = country ? data.generics.countries.find((c) => c.code === country)?.[role] : undefined;
  if (specific) {
    return {
      type: 'group',
      canonical: specific.canonical,
      actor: { name: specific.name, side: specific.side ?? null, country, generic: true },
    };
  }
  const base = FALLBACK[role];
  const where = country ? data.countries.get(country)?.acledName.replace(/^the /, '') : undefined;
  const name = where ? `${base.name} (${where})` : base.name;
  return { type: 'group', canonical: name, actor: { name, side: base.side, country, generic: true } };
}

/** A sponsored generic: "Turkish-backed rebels" keeps the sponsor in its canonical and actor names. */
export function sponsored(resolved: Resolved, sponsor: string, verb: string): Resolved {
  return {
    type: resolved.type,
    canonical: `${sponsor}-${verb} ${resolved.canonical}`,
    actor: { ...resolved.actor, name: `${sponsor}-${verb} ${resolved.actor.name}` },
  };
}
