/**
 * RSS 2.0 (and RSS 1.0/RDF) and Atom feeds, read into plain items. fast-xml-parser never fetches
 * external entities, so a hostile feed cannot make us read files or the network.
 */
import { XMLParser } from 'fast-xml-parser';

export interface FeedItem {
  readonly title: string | null;
  readonly link: string | null;
  /** The date string as the feed wrote it (pubDate, published, updated, dc:date). */
  readonly published: string | null;
  /** Full content or summary when the feed carries it; the fallback when the link cannot be read. */
  readonly content: string | null;
}

export interface Feed {
  readonly kind: 'rss' | 'atom';
  readonly title: string | null;
  readonly items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  cdataPropName: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown> | string | undefined;

function text(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim() || null;
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') return text((node as Record<string, unknown>)['#text']);
  return null;
}

/** True when the text starts like an RSS, RDF or Atom document. */
export function looksLikeFeed(head: string): boolean {
  const start = head.slice(0, 2048).replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(start);
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return text(links);
  const objs = links.map((l): Record<string, unknown> =>
    typeof l === 'object' && l !== null ? (l as Record<string, unknown>) : { '@href': l },
  );
  const alt = objs.find((l) => l['@rel'] === undefined || l['@rel'] === 'alternate') ?? objs[0];
  return alt ? text(alt['@href']) : null;
}

/** Parses a feed; throws an Error naming the problem when the XML is not a feed. */
export function parseFeed(xml: string): Feed {
  let doc: Record<string, Node>;
  try {
    doc = parser.parse(xml, true) as Record<string, Node>;
  } catch (err) {
    throw new Error(`not well-formed XML: ${(err as Error).message.split('\n')[0]}`, { cause: err });
  }
  const rss = doc.rss as Record<string, Node> | undefined;
  const rdf = doc['rdf:RDF'] as Record<string, Node> | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) as Record<string, unknown> | undefined) ?? {};
    const rawItems = ((rss ? channel.item : rdf?.item) as Record<string, unknown>[] | undefined) ?? [];
    return {
      kind: 'rss',
      title: text(channel.title),
      items: rawItems.map((i) => ({
        title: text(i.title),
        link: text(i.link) ?? (isPermalink(i.guid) ? text(i.guid) : null),
        published: text(i.pubDate) ?? text(i['dc:date']),
        content: text(i['content:encoded']) ?? text(i.description),
      })),
    };
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (feed) {
    const entries = (feed.entry as Record<string, unknown>[] | undefined) ?? [];
    return {
      kind: 'atom',
      title: text(feed.title),
      items: entries.map((e) => ({
        title: text(e.title),
        link: atomLink(e.link),
        published: text(e.published) ?? text(e.updated),
        content: text(e.content) ?? text(e.summary),
      })),
    };
  }
  throw new Error('neither an RSS nor an Atom feed (no <rss>, <rdf:RDF> or <feed> root)');
}

function isPermalink(guid: unknown): boolean {
  if (guid === undefined) return false;
  const perma =
    typeof guid === 'object' && guid !== null ? (guid as Record<string, unknown>)['@isPermaLink'] : undefined;
  const value = text(guid) ?? '';
  return perma !== 'false' && /^https?:\/\//i.test(value);
}
