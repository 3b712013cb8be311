/**
 * Removes page parts that are never article text (captions, credits) before main-content
 * extraction, by element name and class/id hints from data/clean/boilerplate.yaml.
 */
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';
import { wordCount } from './chrome.js';

const PruneSchema = z.object({
  id: z.string().min(1),
  tags: z.array(z.string().regex(/^[a-z][a-z0-9]*$/)).default([]),
  classPattern: z.string().min(1).optional(),
  maxWords: z.number().int().positive(),
  description: z.string().min(1),
});
export const BoilerplateFileSchema = z.object({ prune: z.array(PruneSchema).min(1) });
export type PruneSpec = z.infer<typeof PruneSchema>;

export interface PruneRules {
  readonly rules: readonly (PruneSpec & { readonly re: RegExp | null })[];
  /** One selector for every element any rule may look at. */
  readonly selector: string;
}

export function compilePruneRules(specs: readonly PruneSpec[]): PruneRules {
  const rules = specs.map((s) => ({ ...s, re: s.classPattern ? new RegExp(s.classPattern, 'i') : null }));
  const tags = [...new Set(rules.flatMap((r) => r.tags))];
  const attrs = rules.some((r) => r.re) ? ['[class]', '[id]'] : [];
  return { rules, selector: [...tags, ...attrs].join(',') };
}

let loaded: PruneRules | null = null;
export function loadPruneRules(path = 'clean/boilerplate.yaml'): PruneRules {
  if (path === 'clean/boilerplate.yaml' && loaded) return loaded;
  const rules = compilePruneRules(loadDataFile(path, BoilerplateFileSchema).prune);
  if (path === 'clean/boilerplate.yaml') loaded = rules;
  return rules;
}

interface PrunableElement {
  readonly localName: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  remove(): void;
}

/** Removes the matching elements from `root`; returns how many went. */
export function pruneElements(root: unknown, rules: PruneRules): number {
  if (!rules.selector) return 0;
  const found = (root as { querySelectorAll(s: string): ArrayLike<PrunableElement> }).querySelectorAll(rules.selector);
  let removed = 0;
  for (let i = 0; i < found.length; i++) {
    const el = found[i]!;
    const name = el.localName.toLowerCase();
    if (name === 'body' || name === 'html' || name === 'article' || name === 'main') continue;
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const rule = rules.rules.find((r) => r.tags.includes(name) || (r.re !== null && r.re.test(hint)));
    if (!rule || wordCount(el.textContent ?? '') > rule.maxWords) continue;
    el.remove();
    removed++;
  }
  return removed;
}
