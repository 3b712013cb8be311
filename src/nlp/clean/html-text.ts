/**
 * HTML to plain-text paragraphs: one paragraph per block element, whitespace collapsed,
 * scripts, forms and captions left out.
 */
import { parseHTML } from 'linkedom';

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

/** The paragraphs of an element's text, in document order. */
export function paragraphsOf(root: unknown): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const text = squash(current.join(''));
    if (text) out.push(text);
    current = [];
  };
  // An explicit stack, not recursion: broken pages can nest thousands of levels deep.
  const stack: Array<NodeLike | 'end'> = [root as NodeLike];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end') {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.localName?.toLowerCase() ?? '';
    if (SKIP.has(name)) continue;
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push('end');
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
  return out;
}

/** Paragraphs of an HTML string (extracted article content). */
export function paragraphsOfHtml(html: string): string[] {
  const doc = parseDocument(html);
  return paragraphsOf(doc.body ?? doc);
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
