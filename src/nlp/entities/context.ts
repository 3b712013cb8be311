/**
 * The report's country context and the resolution of generic mentions through it:
 * "government forces" in a Syria story are the Military Forces of Syria.
 */
import type { ActorRef, EntityType } from '../../core/document.js';
import type { EntityData } from './dictionary.js';
import type { Role } from './dictionary.schema.js';

/** Most-mentioned conflict country, else most-mentioned country; ties go to the first mentioned. */
export function pickContext(counts: ReadonlyMap<string, number>, conflict: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let bestConflict: string | null = null;
  for (const [code, n] of counts) {
    if (best === null || n > counts.get(best)!) best = code;
    if (conflict.has(code) && (bestConflict === null || n > counts.get(bestConflict)!)) bestConflict = code;
  }
  return bestConflict ?? best;
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
