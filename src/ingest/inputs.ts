/**
 * Expands what a user gives `truce ingest` (files, folders, -, feeds, URLs, JSON Lines dumps) into
 * a stream of report items, each loaded lazily. A problem with one input or one item becomes a
 * `bad` item carrying its reason, so the caller can quarantine it and carry on with the batch.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { MediaType } from '../core/document.js';
import { TruceError } from '../core/errors.js';
import { decodeReportBytes, sniffMediaType } from './decode.js';
import { looksLikeFeed, parseFeed, type FeedItem } from './feed.js';
import { fetchBounded, isHttpUrl, type FetchLimits } from './fetch-url.js';
import { parseFieldMap, recordFromJson, type FieldMap } from './jsonl.js';
import { publishedDay } from './published.js';
import { readSource } from './read-source.js';

export interface LoadedReport {
  readonly text: string;
  readonly mediaType: MediaType;
  readonly url?: string;
  readonly published?: string;
  readonly sourceName?: string;
}

export type InputItem =
  | { readonly kind: 'report'; readonly what: string; load(): Promise<LoadedReport> }
  | { readonly kind: 'bad'; readonly what: string; readonly reason: string; readonly detail?: string };

export interface ExpandOptions {
  readonly map?: string;
  readonly fetch?: FetchLimits;
  readonly encoding?: string;
}

const REPORT_FILE = /\.(txt|text|md|html?|xhtml)$/i;
/** A folder's own documentation is not a report. */
const NOT_A_REPORT = /(^|[\\/])(README|LICENSE|NOTICE|CHANGELOG|CONTRIBUTING)(\.[^\\/]*)?$/i;
const FEED_FILE = /\.(xml|rss|atom)$/i;
const JSONL_FILE = /\.(jsonl|ndjson)$/i;

function reasonOf(err: unknown): string {
  return err instanceof TruceError ? `${err.shortCode}: ${err.message}` : (err as Error).message;
}

/** Every report file under a folder, recursively, in name order (its README and the like left out). */
export function listReports(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => REPORT_FILE.test(f) && !NOT_A_REPORT.test(f))
    .sort()
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile());
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Report items of a feed: each link fetched; the feed's own content when an item has no link. */
function* feedItems(feedText: string, where: string, options: ExpandOptions): Generator<InputItem> {
  let items: FeedItem[];
  try {
    items = parseFeed(feedText).items;
  } catch (err) {
    yield { kind: 'bad', what: where, reason: `not a readable feed: ${(err as Error).message}` };
    return;
  }
  for (const [i, item] of items.entries()) {
    const what = `${where} item ${i + 1}${item.link ? ` (${item.link})` : ''}`;
    const published = publishedDay(item.published) ?? undefined;
    if (item.link && isHttpUrl(item.link)) {
      const link = item.link;
      yield {
        kind: 'report',
        what,
        load: async () => ({ ...(await fetchPage(link, options)), published, sourceName: hostOf(link) }),
      };
    } else if (item.content) {
      const text = item.title ? `<h1>${escapeHtml(item.title)}</h1>\n${item.content}` : item.content;
      yield { kind: 'report', what, load: async () => ({ text, mediaType: 'text/html', published }) };
    } else yield { kind: 'bad', what, reason: 'feed item has neither an http(s) link nor content' };
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function fetchPage(url: string, options: ExpandOptions): Promise<LoadedReport> {
  const got = await fetchBounded(url, options.fetch);
  const text = decodeReportBytes(got.bytes, { what: got.url, maxBytes: options.fetch?.maxBytes });
  const html = /html|xml/i.test(got.contentType ?? '') ? 'text/html' : sniffMediaType(text);
  return { text, mediaType: html, url: got.url };
}

async function* jsonlItems(path: string, map: FieldMap): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const what = `${path} line ${n}`;
    let record: LoadedReport;
    try {
      record = recordFromJson(JSON.parse(line), map);
    } catch (err) {
      yield { kind: 'bad', what, reason: reasonOf(err), detail: line.slice(0, 500) };
      continue;
    }
    yield { kind: 'report', what, load: async () => record };
  }
}

/** The items of every input, in order; never throws (problems come out as `bad` items). */
export async function* expandInputs(inputs: readonly string[], options: ExpandOptions = {}): AsyncGenerator<InputItem> {
  const map = options.map ? parseFieldMap(options.map) : null;
  for (const input of inputs) {
    try {
      if (isHttpUrl(input)) {
        const got = await fetchBounded(input, options.fetch);
        const text = decodeReportBytes(got.bytes, { what: got.url, maxBytes: options.fetch?.maxBytes });
        if (looksLikeFeed(text)) yield* feedItems(text, input, options);
        else {
          const mediaType = /html/i.test(got.contentType ?? '') ? 'text/html' : sniffMediaType(text);
          yield {
            kind: 'report',
            what: input,
            load: async () => ({ text, mediaType, url: got.url, sourceName: hostOf(got.url) }),
          };
        }
        continue;
      }
      if (input !== '-' && statSync(input, { throwIfNoEntry: false })?.isDirectory()) {
        for (const path of listReports(input)) yield fileItem(path, options);
        continue;
      }
      if (input !== '-' && JSONL_FILE.test(input)) {
        if (!map)
          throw new TruceError('E007_BAD_OPTION', {
            option: '--map',
            reason: `${input} is JSON Lines; say which fields hold what, e.g. --map html=body,published=date`,
          });
        statOrThrow(input);
        yield* jsonlItems(input, map);
        continue;
      }
      if (input !== '-' && FEED_FILE.test(input)) {
        const source = readSource(input, { encoding: options.encoding });
        if (looksLikeFeed(source.text)) {
          yield* feedItems(source.text, input, options);
          continue;
        }
      }
      yield fileItem(input, options);
    } catch (err) {
      yield { kind: 'bad', what: input === '-' ? 'standard input' : input, reason: reasonOf(err) };
    }
  }
}

function statOrThrow(path: string): void {
  if (!statSync(path, { throwIfNoEntry: false })) throw new TruceError('E001_INPUT_NOT_FOUND', { path });
}

function fileItem(path: string, options: ExpandOptions): InputItem {
  return {
    kind: 'report',
    what: path === '-' ? 'standard input' : path,
    load: async () => {
      const s = readSource(path, { encoding: options.encoding });
      return { text: s.text, mediaType: s.mediaType };
    },
  };
}

export { reasonOf };
