/**
 * Compiled CSS selectors kept across calls for linkedom. linkedom compiles a selector (css-what's
 * parser, then css-select's compiler) on every querySelector, querySelectorAll, matches and
 * closest call; defuddle makes thousands of such calls per page with a few hundred distinct
 * selectors, and compiling them was about a sixth of the HTML clean stage. The four methods are
 * replaced, once, by ones that compile each selector once and then walk the tree exactly as
 * linkedom 0.18 does (mixin/parent-node.js, interface/element.js), with linkedom's own css-select
 * adapter (shared/matches.js, ISC licence) copied below, so every query answers the same elements.
 * A selector with `:scope` depends on the element it is asked from, and :has() and :contains() are
 * cheaper compiled afresh (see EXPENSIVE): those go to linkedom's own methods.
 */
import * as CSSselect from 'css-select';
import { parseHTML } from 'linkedom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A linkedom node as the adapter and the walks below read it (its private links by symbol). */
interface LinkedNode {
  readonly nodeType: number;
  readonly localName: string;
  readonly ownerDocument: Record<symbol, { readonly ignoreCase: boolean }>;
  readonly parentNode: LinkedNode | null;
  readonly parentElement: LinkedNode | null;
  readonly childNodes: LinkedNode[];
  readonly data?: string;
  getAttribute(name: string): string | null;
  getAttributeNode(name: string): { readonly value: string } | null;
  hasAttribute(name: string): boolean;
  [key: symbol]: LinkedNode;
}

type Test = (node: LinkedNode) => boolean;

/** linkedom's private symbols, found by their descriptions on a node that carries them. */
function ownSymbol(node: object, description: string): symbol {
  const found = Object.getOwnPropertySymbols(node).find((s) => s.description === description);
  if (!found) throw new Error(`linkedom changed: no "${description}" symbol on its nodes`);
  return found;
}

const probe = parseHTML('<!DOCTYPE html><html><head></head><body><p></p></body></html>').document as unknown as {
  body: object;
  querySelectorAll(selectors: string): object;
};
const NEXT = ownSymbol(probe.body, 'next');
const END = ownSymbol(probe.body, 'end');
const MIME = ownSymbol(probe, 'mime');
const NodeList = probe.querySelectorAll('p').constructor as new () => LinkedNode[];

const ignoreCase = (node: LinkedNode): boolean => node.ownerDocument[MIME]!.ignoreCase;

// ---- linkedom's css-select adapter (shared/matches.js)
const isTag = ({ nodeType }: LinkedNode): boolean => nodeType === ELEMENT_NODE;
const getChildren = ({ childNodes }: LinkedNode): LinkedNode[] => childNodes;
const existsOne = (test: Test, elements: LinkedNode[]): boolean =>
  elements.some((element) => isTag(element) && (test(element) || existsOne(test, getChildren(element))));
const getText = (node: LinkedNode | LinkedNode[]): string => {
  if (Array.isArray(node)) return node.map(getText).join('');
  if (isTag(node)) return getText(getChildren(node));
  if (node.nodeType === TEXT_NODE) return node.data!;
  return '';
};
const findAll = (test: Test, nodes: LinkedNode[]): LinkedNode[] => {
  const found: LinkedNode[] = [];
  for (const node of nodes) {
    if (isTag(node)) {
      if (test(node)) found.push(node);
      found.push(...findAll(test, getChildren(node)));
    }
  }
  return found;
};
const findOne = (test: Test, nodes: LinkedNode[]): LinkedNode | null => {
  for (let node of nodes) if (test(node) || (node = findOne(test, getChildren(node))!)) return node;
  return null;
};
const adapter = {
  isTag,
  existsOne,
  getAttributeValue: (element: LinkedNode, name: string): string | null =>
    name === 'class' ? (element.getAttributeNode('class')?.value ?? null) : element.getAttribute(name),
  getChildren,
  getName: (element: LinkedNode): string => (ignoreCase(element) ? element.localName.toLowerCase() : element.localName),
  getParent: ({ parentNode }: LinkedNode): LinkedNode | null => parentNode,
  getSiblings: (element: LinkedNode): LinkedNode | LinkedNode[] =>
    element.parentNode ? getChildren(element.parentNode) : element,
  getText,
  hasAttrib: (element: LinkedNode, name: string): boolean => element.hasAttribute(name),
  removeSubsets: (nodes: LinkedNode[]): LinkedNode[] => {
    let { length } = nodes;
    while (length--) {
      const node = nodes[length]!;
      if (length && -1 < nodes.lastIndexOf(node, length - 1)) {
        nodes.splice(length, 1);
        continue;
      }
      for (let { parentNode } = node; parentNode; parentNode = parentNode.parentNode) {
        if (nodes.includes(parentNode)) {
          nodes.splice(length, 1);
          break;
        }
      }
    }
    return nodes;
  },
  findAll,
  findOne,
};

// ---- the cache
// By document kind (HTML pages, and XML where linkedom matches names case-sensitively), then by the
// selector string itself (defuddle's are constants, whose hash V8 keeps); null: linkedom answers.
const compiledHtml = new Map<string, Test | null>();
const compiledXml = new Map<string, Test | null>();
const CACHE_LIMIT = 5_000;

// Selectors css-select runs best with its per-query memo (see cacheResults below): left to linkedom.
const EXPENSIVE = /has\(|contains\(/;

/** The compiled selector, or null when linkedom's own method must answer (`:scope`, not a string). */
function matcherFor(node: LinkedNode, selectors: unknown): Test | null {
  if (typeof selectors !== 'string') return null;
  const xmlMode = !ignoreCase(node);
  const compiled = xmlMode ? compiledXml : compiledHtml;
  let test = compiled.get(selectors);
  if (test === undefined) {
    // Throws on a bad selector, as linkedom's own call does. css-select memoises :has, :contains and
    // some descendant matches per compiled selector (cacheResults), right for one query but stale
    // for the next one after the page changed: off, so a reused selector answers from the page as it is.
    test =
      selectors.includes(':scope') || EXPENSIVE.test(selectors)
        ? null
        : (CSSselect.compile(selectors, {
            context: undefined,
            xmlMode,
            adapter,
            cacheResults: false,
          } as never) as unknown as Test);
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(selectors, test);
  }
  return test;
}

type Method = (this: LinkedNode, selectors: string) => unknown;

/** The prototype on `from`'s chain that defines `name` itself. */
function ownerOf(from: object, name: string): Record<string, Method> {
  for (let p: object | null = Object.getPrototypeOf(from); p; p = Object.getPrototypeOf(p))
    if (Object.prototype.hasOwnProperty.call(p, name)) return p as Record<string, Method>;
  throw new Error(`linkedom changed: no ${name} method`);
}

let installed = false;

/** Replaces linkedom's four selector methods by caching ones (once per process). */
export function installSelectorCache(): void {
  if (installed) return;
  installed = true;
  // ParentNode.prototype (Document's own methods call these through super) and Element.prototype.
  const parentNode = ownerOf(probe.body, 'querySelectorAll');
  const element = ownerOf(probe.body, 'matches');
  const { querySelector, querySelectorAll } = parentNode;
  const { matches, closest } = element;
  parentNode.querySelector = function (selectors) {
    const test = matcherFor(this, selectors);
    if (!test) return querySelector!.call(this, selectors);
    const end = this[END];
    let next = this[NEXT];
    while (next !== end) {
      if (next!.nodeType === ELEMENT_NODE && test(next!)) return next;
      next = next!.nodeType === ELEMENT_NODE && next!.localName === 'template' ? next![END] : next![NEXT];
    }
    return null;
  };
  parentNode.querySelectorAll = function (selectors) {
    const test = matcherFor(this, selectors);
    if (!test) return querySelectorAll!.call(this, selectors);
    const elements = new NodeList();
    const end = this[END];
    let next = this[NEXT];
    while (next !== end) {
      if (next!.nodeType === ELEMENT_NODE && test(next!)) elements.push(next!);
      next = next!.nodeType === ELEMENT_NODE && next!.localName === 'template' ? next![END] : next![NEXT];
    }
    return elements;
  };
  element.matches = function (selectors) {
    const test = matcherFor(this, selectors);
    return test ? test(this) : matches!.call(this, selectors);
  };
  element.closest = function (selectors) {
    const test = matcherFor(this, selectors);
    if (!test) return closest!.call(this, selectors);
    if (test(this)) return this;
    let parent = this.parentElement;
    while (parent && !test(parent)) parent = parent.parentElement;
    return parent;
  };
}
