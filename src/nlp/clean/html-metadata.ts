/**
 * Page metadata: headline, byline, site name, publication date and a marked-up dateline.
 * Read from the DOM before extraction, which removes scripts (JSON-LD) and headers.
 */
import { isoDay, parseIsoDay, type IsoDay } from '../../core/date.js';
import { squash, type DomDocument } from './html-text.js';

export interface PageMetadata {
  readonly titles: readonly string[];
  readonly siteName: string | null;
  readonly byline: string | null;
  readonly published: IsoDay | null;
  /** Text of `<span class="articleLocation">` or a similar dateline element. */
  readonly location: string | null;
}

const DATE_METAS = [
  'meta[property="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="datePublished"]',
  'meta[name="article:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
];

function attr(doc: DomDocument, selector: string, name = 'content'): string | null {
  const value = doc.querySelector(selector)?.getAttribute(name);
  return value && value.trim() ? squash(value) : null;
}

/** An ISO day from a metadata value: the date as written when it is ISO, else parsed. */
export function toIsoDay(value: string | null | undefined): IsoDay | null {
  if (!value) return null;
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value);
  if (iso) return parseIsoDay(iso[1]!);
  if (!/\d{4}/.test(value)) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime()) || d.getFullYear() < 1900 || d.getFullYear() > 2200) return null;
  // Dates written without a zone are the publisher's local day: keep the day as written.
  return isoDay(new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())));
}

/** Objects found in the page's JSON-LD blocks, flattened through arrays and @graph. */
function jsonLd(doc: DomDocument): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const obj = value as Record<string, unknown>;
    out.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
  };
  for (const script of Array.from<{ textContent: string | null }>(
    doc.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources still count.
    }
  }
  return out;
}

function ldAuthor(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(ldAuthor).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') {
    const name = (value as Record<string, unknown>).name;
    return typeof name === 'string' ? name : null;
  }
  return null;
}

export function readMetadata(doc: DomDocument): PageMetadata {
  const ld = jsonLd(doc);
  const h1 = doc.querySelector('h1')?.textContent;
  const titles = [
    attr(doc, 'meta[property="og:title"]'),
    h1 ? squash(h1) : null,
    attr(doc, 'meta[name="twitter:title"]'),
    squash(doc.querySelector('title')?.textContent ?? '') || null,
  ]
    .concat(ld.map((o) => (typeof o.headline === 'string' ? squash(o.headline) : null)))
    .filter((t): t is string => !!t);

  let published: IsoDay | null = null;
  const dateCandidates: (string | null)[] = [
    ...DATE_METAS.map((s) => attr(doc, s)),
    ...ld.map((o) => (typeof o.datePublished === 'string' ? o.datePublished : null)),
    attr(doc, '[itemprop="datePublished"]', 'datetime'),
    attr(doc, 'article time[datetime]', 'datetime'),
    attr(doc, 'time[datetime]', 'datetime'),
  ];
  for (const c of dateCandidates) {
    published = toIsoDay(c);
    if (published) break;
  }

  const authorMeta = attr(doc, 'meta[name="author"]') ?? attr(doc, 'meta[property="article:author"]');
  const byline =
    (authorMeta && !/^https?:/i.test(authorMeta) ? authorMeta : null) ??
    ld.map((o) => ldAuthor(o.author)).find((a) => !!a) ??
    (squash(doc.querySelector('[rel="author"], [itemprop="author"], .byline')?.textContent ?? '') || null);

  const locationEl = doc.querySelector('.articleLocation, .dateline, [itemprop="dateline"]');
  const location = locationEl ? squash(locationEl.textContent ?? '') || null : null;
  const siteName = attr(doc, 'meta[property="og:site_name"]') ?? attr(doc, 'meta[name="application-name"]');
  return { titles, siteName, byline, published, location };
}
