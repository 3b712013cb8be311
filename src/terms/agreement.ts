/**
 * Loads an agreement file and compiles it once: actor matchers to regexes, zones to geometry,
 * local times to instants. Everything the judgement needs per incident is then a lookup.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { dataPath, parseDataText } from '../core/data-file.js';
import { TruceError } from '../core/errors.js';
import { AgreementSchema, type ActorMatcher, type Agreement, type Phase, type Zone } from './agreement.schema.js';
import { localToInstant } from './time.js';

export const AGREEMENTS_DIR = dataPath('agreements');

export interface CompiledMatcher {
  readonly test: (actor: string) => boolean;
  readonly describe: string;
}

export interface CompiledParty {
  readonly id: string;
  readonly name: string;
  readonly matchers: readonly CompiledMatcher[];
  readonly answerableTo: string | null;
  readonly air: boolean;
}

export interface CompiledPhase {
  readonly phase: Phase;
  readonly start: number;
  readonly end: number | null;
}

export interface CompiledAgreement {
  readonly agreement: Agreement;
  readonly file: string;
  readonly timeZone: string;
  readonly effectiveFrom: number;
  readonly effectiveTo: number | null;
  readonly parties: readonly CompiledParty[];
  readonly partyById: ReadonlyMap<string, CompiledParty>;
  readonly excluded: readonly { id: string; name: string; matchers: readonly CompiledMatcher[] }[];
  readonly unidentified: readonly CompiledMatcher[];
  readonly zones: ReadonlyMap<string, Zone>;
  readonly phases: readonly CompiledPhase[];
  /** Compiled evidence patterns, keyed by source text. */
  readonly patterns: ReadonlyMap<string, RegExp>;
  /** Local time -> instant in the agreement's zone. */
  readonly instant: (local: string) => number;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function compileMatcher(m: ActorMatcher): CompiledMatcher {
  if ('pattern' in m) {
    const re = new RegExp(m.pattern, 'i');
    return { test: (a) => re.test(a), describe: `/${m.pattern}/` };
  }
  const name = 'canonical' in m ? m.canonical : m.acled;
  const n = norm(name);
  // ACLED actor names carry a period in parentheses, "Military Forces of Syria (2000-)": match with or without it.
  const bare = n.replace(/\s*\([^)]*\)\s*$/, '');
  return { test: (a) => norm(a) === n || norm(a).replace(/\s*\([^)]*\)\s*$/, '') === bare, describe: name };
}

function collectPatterns(a: Agreement): Map<string, RegExp> {
  const out = new Map<string, RegExp>();
  const add = (p?: string) => p && !out.has(p) && out.set(p, new RegExp(p, 'i'));
  for (const t of a.terms) {
    if (t.kind !== 'obligation') add(t.acts.evidence_pattern);
    else {
      const o = t.obligation;
      if (o.type === 'withdraw') o.presence_acts.forEach((x) => add(x.evidence_pattern));
      if (o.type === 'allow_access') add(o.denial_acts.evidence_pattern);
      if (o.type === 'deliver_within') add(o.delivery_acts.evidence_pattern);
      if (o.type === 'cease_air_operations') add(o.acts.evidence_pattern);
    }
  }
  return out;
}

export function compileAgreement(agreement: Agreement, file = agreement.id): CompiledAgreement {
  const tz = agreement.time_zone;
  const instant = (local: string) => localToInstant(local, tz);
  const parties = agreement.parties.map((p) => ({
    id: p.id,
    name: p.name,
    matchers: p.actors.map(compileMatcher),
    answerableTo: p.answerable_to ?? null,
    air: p.capabilities?.includes('air') ?? false,
  }));
  const byId = new Map(agreement.phases.map((p) => [p.id, p]));
  const phaseStart = (p: Phase, depth = 0): number => {
    if (typeof p.starts === 'string') return instant(p.starts);
    const prev = byId.get(p.starts.after);
    if (!prev || depth > 20 || prev.duration_hours === undefined) return NaN;
    return phaseStart(prev, depth + 1) + prev.duration_hours * 3_600_000;
  };
  return {
    agreement,
    file,
    timeZone: tz,
    effectiveFrom: instant(agreement.effective.from),
    effectiveTo: agreement.effective.to ? instant(agreement.effective.to) : null,
    parties,
    partyById: new Map(parties.map((p) => [p.id, p])),
    excluded: agreement.excluded_groups.map((g) => ({
      id: g.id,
      name: g.name,
      matchers: g.actors.map(compileMatcher),
    })),
    unidentified: agreement.unidentified_actors.map(compileMatcher),
    zones: new Map(agreement.zones.map((z) => [z.id, z])),
    phases: agreement.phases.map((p) => {
      const start = phaseStart(p);
      return { phase: p, start, end: p.duration_hours === undefined ? null : start + p.duration_hours * 3_600_000 };
    }),
    patterns: collectPatterns(agreement),
    instant,
  };
}

/** Parses agreement YAML; errors are E012 and name the line and the field. */
export function parseAgreementText(text: string, name: string): CompiledAgreement {
  try {
    return compileAgreement(parseDataText(text, AgreementSchema, name), name);
  } catch (err) {
    if (err instanceof TruceError && err.code === 'E009_DATA_FILE')
      throw new TruceError('E012_AGREEMENT', { file: name, reason: String(err.details.reason) });
    throw err;
  }
}

/** The ids of the agreements shipped in data/agreements/ (TEMPLATE excluded). */
export function bundledAgreementIds(): string[] {
  return readdirSync(AGREEMENTS_DIR)
    .filter((f) => f.endsWith('.yaml') && f !== 'TEMPLATE.yaml')
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** Loads a file path, or a bundled agreement by id (e.g. syria-2016-09-arrangement). */
export function loadAgreement(fileOrId: string): CompiledAgreement {
  let path = fileOrId;
  if (!existsSync(path)) {
    const bundled = dataPath('agreements', `${fileOrId}.yaml`);
    if (/^[a-z0-9-]+$/i.test(fileOrId) && existsSync(bundled)) path = bundled;
    else throw new TruceError('E013_AGREEMENT_NOT_FOUND', { name: fileOrId, known: bundledAgreementIds().join(', ') });
  }
  return parseAgreementText(readFileSync(path, 'utf8'), path);
}
