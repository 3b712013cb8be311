/**
 * Main-content extraction: defuddle over a linkedom DOM, and Mozilla Readability when defuddle
 * finds too little (it sometimes keeps only a teaser or a list of links).
 */
import { Readability } from '@mozilla/readability';
import { DefuddleClass } from 'defuddle/node';
import { filterBlocks, isProse, textWords } from './boilerplate.js';
import { loadPruneRules, pruneElements } from './prune.js';
import {
  blocksOf,
  blocksOfHtml,
  nestsDeeperThan,
  parseDocument,
  type DomDocument,
  type TextBlock,
} from './html-text.js';

export interface Extraction {
  readonly paragraphs: readonly string[];
  /** The same paragraphs with their link text and element, for the boilerplate filter. */
  readonly blocks: readonly TextBlock[];
  readonly extractor: 'defuddle' | 'readability' | 'page-text' | 'none';
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
  readonly site: string | null;
}

/** Real pages nest 20-60 elements deep; far beyond that the extractors take seconds. */
const MAX_EXTRACT_DEPTH = 150;

/** Below this many words defuddle's result is checked against Readability's. */
const TOO_LITTLE_WORDS = 80;

/** Below this many words of prose (after the block filter) Readability is tried as well. */
const TOO_LITTLE_PROSE = 40;

function words(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + textWords(p), 0);
}

/** Words in sentence-like blocks the block filter keeps: a list of teasers has none. */
function proseWords(e: Extraction): number {
  const { reasons } = filterBlocks(e.blocks);
  let n = 0;
  e.blocks.forEach((b, i) => {
    if (!reasons[i] && isProse(b)) n += textWords(b.text);
  });
  return n;
}

function nonEmpty(value: string | null | undefined): string | null {
  return value && value.trim() ? value.trim() : null;
}

/** Runs `fn` with console.error/warn muted: the libraries log every malformed page they meet. */
function quietly<T>(fn: () => T): T {
  const { error, warn } = console;
  console.error = () => {};
  console.warn = () => {};
  try {
    return fn();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

function runDefuddle(doc: DomDocument, url: string | undefined): Extraction | null {
  return quietly(() => defuddle(doc, url));
}

function defuddle(doc: DomDocument, url: string | undefined): Extraction | null {
  try {
    const r = new DefuddleClass(doc as never, {
      url: url ?? 'about:blank',
      useAsync: false,
      removeImages: true,
    }).parse();
    const blocks = blocksOfHtml(r.content ?? '');
    return {
      paragraphs: blocks.map((b) => b.text),
      blocks,
      extractor: 'defuddle',
      title: nonEmpty(r.title),
      byline: nonEmpty(r.author),
      published: nonEmpty(r.published),
      site: nonEmpty(r.site),
    };
  } catch {
    return null;
  }
}

function runReadability(html: string): Extraction | null {
  return quietly(() => readability(html));
}

function readability(html: string): Extraction | null {
  try {
    const doc = parseDocument(html);
    pruneElements(doc, loadPruneRules());
    const r = new Readability(doc as never).parse();
    if (!r) return null;
    const blocks = blocksOfHtml(r.content ?? '');
    return {
      paragraphs: blocks.map((b) => b.text),
      blocks,
      extractor: 'readability',
      title: nonEmpty(r.title),
      byline: nonEmpty(r.byline),
      published: nonEmpty(r.publishedTime),
      site: nonEmpty(r.siteName),
    };
  } catch {
    return null;
  }
}

/** Extracts the article from `doc` (which it mutates); `html` rebuilds a DOM for the fallback. */
export function extractArticle(doc: DomDocument, html: string, url?: string): Extraction {
  // Both extractors slow down sharply with nesting depth; a pathological page gets the plain text.
  if (nestsDeeperThan(doc, MAX_EXTRACT_DEPTH)) {
    const blocks = blocksOf(doc.body ?? doc);
    return {
      paragraphs: blocks.map((b) => b.text),
      blocks,
      extractor: 'page-text',
      title: null,
      byline: null,
      published: null,
      site: null,
    };
  }
  pruneElements(doc, loadPruneRules());
  const first = runDefuddle(doc, url);
  if (first && words(first.paragraphs) >= TOO_LITTLE_WORDS && proseWords(first) >= TOO_LITTLE_PROSE) return first;
  const second = runReadability(html);
  const best = [first, second]
    .filter((e): e is Extraction => e !== null)
    .map((e) => ({ e, prose: proseWords(e), words: words(e.paragraphs) }))
    .sort((a, b) => b.prose - a.prose || b.words - a.words)[0]?.e;
  return (
    best ?? { paragraphs: [], blocks: [], extractor: 'none', title: null, byline: null, published: null, site: null }
  );
}
