/**
 * The page-chrome trimmer. Rules come from data/clean/chrome.yaml; the logic here decides
 * where a matching line may go: chrome sits in a block at the start or end of a page, so
 * inside the article only short, non-sentence lines are removed.
 */
import { z } from 'zod';
import type { RemovedPiece } from '../../core/document.js';
import { isSpace } from '../../core/chars.js';
import { loadDataFile } from '../../core/data-file.js';

const RuleSchema = z.object({
  id: z.string().min(1),
  pattern: z.string().min(1),
  flags: z
    .string()
    .regex(/^[imsu]*$/)
    .default('iu'),
  reason: z.string().min(1),
  description: z.string().min(1),
  example: z.string().min(1),
  keep: z.array(z.string()).default([]),
  match: z.enum(['line', 'fragment', 'rest']).default('line'),
  where: z.enum(['anywhere', 'edge']).default('anywhere'),
  maxWords: z.number().int().positive().default(12),
  evenProse: z.boolean().default(false),
});

export const ChromeFileSchema = z.object({ rules: z.array(RuleSchema).min(1) });
export type ChromeRuleSpec = z.infer<typeof RuleSchema>;

export interface ChromeRule extends ChromeRuleSpec {
  readonly re: RegExp;
  /** For fragment rules: the marker at the start, and at the end, of a line. */
  readonly head: RegExp | null;
  readonly tail: RegExp | null;
}

export interface ChromeRules {
  readonly lineRules: readonly ChromeRule[];
  readonly restRules: readonly ChromeRule[];
  readonly fragmentRules: readonly ChromeRule[];
  readonly all: readonly ChromeRule[];
}

export function compileChromeRules(specs: readonly ChromeRuleSpec[]): ChromeRules {
  const all = specs.map((s): ChromeRule => {
    const re = new RegExp(s.pattern, s.flags);
    const fragment = s.match === 'fragment';
    return {
      ...s,
      re,
      head: fragment ? new RegExp(`^(?:${s.pattern})\\s*`, s.flags) : null,
      tail: fragment ? new RegExp(`\\s*(?:${s.pattern})$`, s.flags) : null,
    };
  });
  return {
    all,
    lineRules: all.filter((r) => r.match === 'line'),
    restRules: all.filter((r) => r.match === 'rest'),
    fragmentRules: all.filter((r) => r.match === 'fragment'),
  };
}

export function loadChromeRules(path = 'clean/chrome.yaml'): ChromeRules {
  return compileChromeRules(loadDataFile(path, ChromeFileSchema).rules);
}

/** What survives of one unit (a line of text, or a paragraph of HTML). */
export interface KeptUnit {
  readonly index: number;
  /** Range kept inside the unit's text, after cutting fragment markers. */
  readonly from: number;
  readonly to: number;
}

export interface TrimResult {
  readonly kept: readonly KeptUnit[];
  readonly removed: readonly RemovedPiece[];
  /** For each removed piece, the index of the unit it came from. */
  readonly removedFrom: readonly number[];
}

/** Short lines between two chrome lines ("to save your favourites") go with them. */
const SANDWICH_MAX_WORDS = 10;
/** After a related-links header, lines this short are taken as story links. */
const REST_MAX_WORDS = 20;

/** Runs of non-space characters, as `text.match(/\S+/g).length` counts them, without the array. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** A full sentence of prose: never removed from the middle of an article. */
export function looksLikeProse(text: string, words = wordCount(text)): boolean {
  return words >= 10 && /[.!?…]['"’”»]?$/u.test(text);
}

interface Verdict {
  readonly rule: ChromeRule | null;
  readonly words: number;
}

function classify(rules: ChromeRules, text: string): Verdict {
  const words = wordCount(text);
  for (const rule of rules.lineRules) {
    if (words <= rule.maxWords && rule.re.test(text)) return { rule, words };
  }
  return { rule: null, words };
}

/** The reason of the first line rule a unit matches, wherever it stands, or null. */
export function chromeReason(rules: ChromeRules, text: string): string | null {
  return classify(rules, text).rule?.reason ?? null;
}

/** Cuts fragment markers (e.g. `[ad_1]`) off both ends of a unit. */
function cutFragments(rules: ChromeRules, text: string, removed: RemovedPiece[]): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  for (let changed = true; changed && from < to;) {
    changed = false;
    for (const rule of rules.fragmentRules) {
      const rest = text.slice(from, to);
      // Either marker is a match of the rule's own pattern: one scan for it settles most units.
      if (!rule.re.test(rest)) continue;
      const h = rule.head!.exec(rest);
      if (h && h[0].length > 0) {
        removed.push({ text: h[0].trim(), reason: rule.reason });
        from += h[0].length;
        changed = true;
        continue;
      }
      const t = rule.tail!.exec(rest);
      if (t && t[0].length > 0) {
        removed.push({ text: t[0].trim(), reason: rule.reason });
        to -= t[0].length;
        changed = true;
      }
    }
  }
  return { from, to };
}

/**
 * Decides, for each unit (already trimmed of surrounding whitespace), whether it is chrome.
 * Removed pieces are listed in document order with the rule's reason.
 */
export function trimChrome(rules: ChromeRules, units: readonly string[]): TrimResult {
  const n = units.length;
  const fragmentRemoved: RemovedPiece[][] = [];
  const ranges = units.map((u) => {
    const pieces: RemovedPiece[] = [];
    const r = cutFragments(rules, u, pieces);
    fragmentRemoved.push(pieces);
    return r;
  });
  const texts = units.map((u, i) => u.slice(ranges[i]!.from, ranges[i]!.to));
  const verdicts = texts.map((t) => classify(rules, t));
  const empty = texts.map((t) => t.trim().length === 0);
  const isChrome = (i: number): boolean => empty[i]! || verdicts[i]!.rule !== null;

  const sandwiched = (i: number): boolean => {
    if (isChrome(i) || verdicts[i]!.words > SANDWICH_MAX_WORDS || looksLikeProse(texts[i]!)) return false;
    return i > 0 && i < n - 1 && verdicts[i - 1]!.rule !== null && verdicts[i + 1]!.rule !== null;
  };
  const inBlock = (i: number): boolean => isChrome(i) || sandwiched(i);

  // The chrome blocks at the start and at the end of the page.
  let head = 0;
  while (head < n && inBlock(head)) head++;
  let tail = n;
  while (tail > head && inBlock(tail - 1)) tail--;
  const restStart = findRestStart(rules, texts, verdicts, head);
  if (restStart !== null && restStart < tail) tail = restStart;

  const reasons: (string | null)[] = new Array<string | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    const v = verdicts[i]!;
    const edge = i < head || i >= tail;
    if (empty[i]) reasons[i] = '';
    else if (edge)
      reasons[i] = v.rule?.reason ?? (i >= (restStart ?? n) ? restReason(rules, texts, restStart!) : 'chrome block');
    else if (v.rule && v.rule.where === 'anywhere' && (v.rule.evenProse || !looksLikeProse(texts[i]!, v.words))) {
      reasons[i] = v.rule.reason;
    }
  }
  // Inside the article, a short line goes only when both neighbours were actually removed.
  for (let i = head; i < tail; i++) {
    if (reasons[i] === null && sandwiched(i) && reasons[i - 1] && reasons[i + 1]) reasons[i] = 'chrome block';
  }
  const removed: RemovedPiece[] = [];
  const removedFrom: number[] = [];
  const kept: KeptUnit[] = [];
  for (let i = 0; i < n; i++) {
    for (const piece of fragmentRemoved[i]!) {
      removed.push(piece);
      removedFrom.push(i);
    }
    const reason = reasons[i] ?? null;
    if (reason === null) kept.push({ index: i, from: ranges[i]!.from, to: ranges[i]!.to });
    else if (reason) {
      removed.push({ text: texts[i]!, reason });
      removedFrom.push(i);
    }
  }
  return { kept, removed, removedFrom };
}

function restReason(rules: ChromeRules, texts: readonly string[], start: number): string {
  return rules.restRules.find((r) => r.re.test(texts[start]!))?.reason ?? 'chrome block';
}

/** First related-links header after which every unit is short or chrome, or null. */
function findRestStart(
  rules: ChromeRules,
  texts: readonly string[],
  verdicts: readonly Verdict[],
  head: number,
): number | null {
  if (rules.restRules.length === 0) return null;
  let allShortAfter = true;
  let found: number | null = null;
  for (let i = texts.length - 1; i > head; i--) {
    const t = texts[i]!;
    if (allShortAfter && rules.restRules.some((r) => r.re.test(t))) found = i;
    const v = verdicts[i]!;
    if (v.rule === null && (v.words > REST_MAX_WORDS || looksLikeProse(t, v.words))) allShortAfter = false;
    if (!allShortAfter) break;
  }
  return found;
}
