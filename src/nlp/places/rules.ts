/**
 * Context rules from data/places/rules.yaml, compiled once: words around a name that make it
 * "near" a town (geoPrecision 2), an admin1 region, or a capital acting as its government.
 */
import { phraseAlternation } from '../../core/regex.js';
import { loadCachedDataFile } from './cache.js';
import { RulesFileSchema, type Rule, type Unit } from './places.schema.js';

export interface CompiledRule {
  readonly rule: Rule;
  readonly re: RegExp;
}

/** A unit rule compiled: `after` tests the text right after a name, `anywhere` finds the words in a body. */
export interface CompiledUnit {
  readonly unit: Unit;
  readonly countries: ReadonlySet<string>;
  readonly after: RegExp;
  readonly anywhere: RegExp;
}

export interface PlaceRules {
  readonly units: readonly CompiledUnit[];
  readonly nearBefore: readonly CompiledRule[];
  readonly nearAfter: readonly CompiledRule[];
  readonly regionBefore: readonly CompiledRule[];
  readonly regionAfter: readonly CompiledRule[];
  readonly districtBefore: readonly CompiledRule[];
  readonly districtAfter: readonly CompiledRule[];
  readonly institution: readonly CompiledRule[];
  readonly demonymPlace: readonly CompiledRule[];
  readonly metonymPossessive: readonly CompiledRule[];
  readonly metonymSubject: readonly CompiledRule[];
  readonly metonymBlocked: readonly CompiledRule[];
}

/** `before` rules are anchored at the end of the preceding text; `after` rules carry their own `^`. */
function compile(rules: readonly Rule[], side: 'before' | 'after'): CompiledRule[] {
  return rules.map((rule) => ({
    rule,
    re: new RegExp(side === 'before' ? `(?:${rule.pattern})` : rule.pattern, 'iu'),
  }));
}

export function loadRules(path = 'places/rules.yaml'): PlaceRules {
  const file = loadCachedDataFile(path, RulesFileSchema);
  const words = (u: Unit): string => phraseAlternation(u.words);
  return {
    units: file.units.map((unit) => ({
      unit,
      countries: new Set(unit.countries),
      after: new RegExp(`^\\s+(?:${words(unit)})\\b`, 'i'),
      anywhere: new RegExp(`\\b(?:${words(unit)})\\b`, 'i'),
    })),
    nearBefore: compile(file.near.before, 'before'),
    nearAfter: compile(file.near.after, 'after'),
    regionBefore: compile(file.region.before, 'before'),
    regionAfter: compile(file.region.after, 'after'),
    districtBefore: compile(file.district.before, 'before'),
    districtAfter: compile(file.district.after, 'after'),
    institution: compile(file.institution, 'after'),
    demonymPlace: compile(file.demonymPlace, 'after'),
    metonymPossessive: compile(file.metonym.possessive, 'after'),
    metonymSubject: compile(file.metonym.subject, 'after'),
    metonymBlocked: compile(file.metonym.blockedBefore, 'before'),
  };
}

// A backreference or a named group, which an alternation of several patterns would renumber or repeat.
const NOT_JOINABLE = /\\[1-9]|\\k<|\(\?<(?![=!])/;

/**
 * One regex that matches a text when and only when one of the rules does (the alternation of their
 * patterns, same flags): most texts match no rule, and then cost one test instead of one per rule.
 * Null for a single rule, or when a pattern cannot be joined (NOT_JOINABLE).
 */
function anyOf(rules: readonly CompiledRule[]): RegExp | null {
  if (rules.length < 2 || rules.some((r) => NOT_JOINABLE.test(r.re.source) || r.re.flags !== 'iu')) return null;
  return new RegExp(rules.map((r) => `(?:${r.re.source})`).join('|'), 'iu');
}

/** `anyOf` of each rule list `firstMatch` has seen, made on first use. */
const joined = new WeakMap<readonly CompiledRule[], RegExp | null>();

export function firstMatch(rules: readonly CompiledRule[], text: string): CompiledRule | null {
  if (rules.length > 1) {
    let any = joined.get(rules);
    if (any === undefined) joined.set(rules, (any = anyOf(rules)));
    if (any !== null && !any.test(text)) return null;
  }
  for (const r of rules) if (r.re.test(text)) return r;
  return null;
}

/** The unit rule whose words follow a name (`after`: the text right after it), or null. */
export function unitAfter(rules: PlaceRules, after: string): CompiledUnit | null {
  for (const u of rules.units) if (u.after.test(after)) return u;
  return null;
}
