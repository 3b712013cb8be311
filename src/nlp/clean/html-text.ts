/**
 * HTML to plain-text paragraphs: one paragraph per block element, whitespace collapsed,
 * scripts, forms and captions left out.
 */
import { parseHTML } from 'linkedom';
import { installSelectorCache } from './selector-cache.js';

/** Elements that end the paragraph before them and start a new one. */
const BLOCK = new Set(
  'address article aside blockquote br dd details div dl dt fieldset footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** Elements whose text is never article prose. */
const SKIP = new Set(
  'button canvas embed figcaption head iframe input link math meta noscript object option script select style svg template textarea title video audio picture'.split(
    ' ',
  ),
);

/** Collapses runs of whitespace (including no-break spaces) into one space. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The little of the DOM this stage uses (the project compiles without the DOM lib). */
export interface DomElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument extends DomElement {
  readonly body: DomElement | null;
}

/** Makes a linkedom document from a page or a fragment, with the shims defuddle expects. */
export function parseDocument(html: string): DomDocument {
  installSelectorCache();
  // linkedom needs an <html> element to build <body>; wrap fragments (and bare <body>s) in one.
  const page = /<html[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html.replace(/<\/?body\b[^>]*>/gi, '')}</body></html>`;
  const { document } = parseHTML(page);
  const doc = document as unknown as { styleSheets?: unknown; defaultView: { getComputedStyle?: unknown } | null };
  if (!doc.styleSheets) doc.styleSheets = [];
  if (doc.defaultView && !doc.defaultView.getComputedStyle) doc.defaultView.getComputedStyle = () => ({ display: '' });
  return doc as unknown as DomDocument;
}

interface NodeLike {
  readonly nodeType: number;
  readonly localName?: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<NodeLike>;
}

/** One paragraph of a page with what the boilerplate filter looks at. */
export interface TextBlock {
  readonly text: string;
  /** Characters of `text` inside links (after whitespace squashing, approximately). */
  readonly linkChars: number;
  /** The block element the paragraph sits in (`p`, `li`, `h2`, `td`, ... or `` at the root). */
  readonly tag: string;
}

type Marker = { readonly end: string };

/** The paragraphs of an element's text, in document order, with their link text and element. */
export function blocksOf(root: unknown): TextBlock[] {
  const out: TextBlock[] = [];
  let current: string[] = [];
  let linkChars = 0;
  let links = 0;
  const blocks: string[] = [''];
  const flush = (): void => {
    const text = squash(current.join(''));
    if (text) out.push({ text, linkChars: Math.min(linkChars, text.length), tag: blocks[blocks.length - 1]! });
    current = [];
    linkChars = 0;
  };
  // An explicit stack, not recursion: broken pages can nest thousands of levels deep.
  const stack: Array<NodeLike | Marker> = [root as NodeLike];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('end' in node) {
      if (node.end === 'a') links--;
      else {
        flush();
        blocks.pop();
      }
      continue;
    }
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      current.push(value);
      if (links > 0) linkChars += value.trim().length;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.localName?.toLowerCase() ?? '';
    if (SKIP.has(name)) continue;
    if (BLOCK.has(name)) {
      flush();
      blocks.push(name);
      stack.push(END_OF[name] ?? { end: name });
    } else if (name === 'a') {
      links++;
      stack.push(END_LINK);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return out;
}

const END_LINK: Marker = { end: 'a' };
const END_OF: Record<string, Marker> = Object.fromEntries([...BLOCK].map((name) => [name, { end: name }]));

/** The paragraphs of an element's text, in document order. */
export function paragraphsOf(root: unknown): string[] {
  return blocksOf(root).map((b) => b.text);
}

/** Paragraphs of an HTML string (extracted article content). */
export function paragraphsOfHtml(html: string): string[] {
  return blocksOfHtml(html).map((b) => b.text);
}

/** Blocks of an HTML string (extracted article content). */
export function blocksOfHtml(html: string): TextBlock[] {
  const doc = parseDocument(html);
  return blocksOf(doc.body ?? doc);
}

/** True when elements nest deeper than `limit` (stops walking as soon as they do). */
export function nestsDeeperThan(root: unknown, limit: number): boolean {
  const stack: Array<[NodeLike, number]> = [[root as NodeLike, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === 1) stack.push([kids[i]!, depth + 1]);
  }
  return false;
}
