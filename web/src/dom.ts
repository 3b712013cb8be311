/**
 * Building DOM without HTML strings: every text goes in as a text node, attributes are checked.
 * Report text is hostile, so there is no innerHTML anywhere in web/ (eslint forbids it too).
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Props {
  readonly class?: string;
  readonly id?: string;
  readonly testid?: string;
  readonly text?: string;
  /** Plain attributes (aria-*, role, type, name, value, for, href ...); event handlers and style are refused. */
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  readonly on?: { readonly [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

const FORBIDDEN_ATTR = /^(on|style$|srcdoc$|formaction$)/i;

/** Only in-app hashes, same-origin paths and http(s) links may be followed. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (h.startsWith('#') || (h.startsWith('/') && !h.startsWith('//'))) return h;
  try {
    const u = new URL(h);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export function setAttr(el: Element, name: string, value: string | number | boolean | null | undefined): void {
  if (FORBIDDEN_ATTR.test(name)) throw new Error(`attribute ${name} is not allowed`);
  if (value === null || value === undefined || value === false) {
    el.removeAttribute(name);
    return;
  }
  let v = value === true ? '' : String(value);
  if (name === 'href' || name === 'src' || name === 'action') {
    const ok = safeHref(v);
    if (ok === null) return;
    v = ok;
  }
  el.setAttribute(name, v);
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, ...(c as readonly Child[]));
    else if (typeof c === 'string' || typeof c === 'number') parent.appendChild(document.createTextNode(String(c)));
    else parent.appendChild(c as Node);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    if (props.class) el.className = props.class;
    if (props.id) el.id = props.id;
    if (props.testid) el.dataset.testid = props.testid;
    if (props.text !== undefined) el.textContent = props.text;
    for (const [k, v] of Object.entries(props.attrs ?? {})) setAttr(el, k, v);
    for (const [k, fn] of Object.entries(props.on ?? {})) if (fn) el.addEventListener(k, fn as EventListener);
  }
  append(el, ...children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | number | null | undefined>> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) setAttr(el, k, v);
  append(el, ...children);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function replace(el: Element, ...children: Child[]): void {
  clear(el);
  append(el, ...children);
}

/** A link inside the app. */
export function link(hash: string, text: Child, props: Props = {}): HTMLAnchorElement {
  return h('a', { ...props, attrs: { ...props.attrs, href: hash } }, text);
}

/** A link out of the app: new tab, no referrer, no opener. Not a link at all when the URL is not http(s). */
export function externalLink(url: string | null | undefined, text: Child): HTMLElement {
  const ok = url ? safeHref(url) : null;
  if (!ok || ok.startsWith('#') || ok.startsWith('/')) return h('span', null, text);
  return h('a', { attrs: { href: ok, target: '_blank', rel: 'noopener noreferrer nofollow' } }, text);
}

/** A colour chip. The colour is set through the CSSOM, which a CSP without 'unsafe-inline' allows. */
export function swatch(colour: string): HTMLElement {
  const s = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
  s.style.backgroundColor = colour;
  return s;
}
