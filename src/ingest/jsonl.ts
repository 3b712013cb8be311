/**
 * JSON Lines dumps of articles: `--map html=raw_body_html,published=post_date,title=title,url=link`
 * says which field of each record holds what. One record = one report.
 */
import { TruceError } from '../core/errors.js';
import { maxInputBytes } from './decode.js';
import { publishedDay } from './published.js';
import type { LoadedReport } from './inputs.js';

export const MAP_KEYS = ['html', 'text', 'published', 'title', 'url', 'source'] as const;
export type MapKey = (typeof MAP_KEYS)[number];
export type FieldMap = Partial<Record<MapKey, string>>;

export function parseFieldMap(spec: string): FieldMap {
  const map: FieldMap = {};
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim() as MapKey;
    const field = part.slice(eq + 1).trim();
    if (eq < 1 || !field || !MAP_KEYS.includes(key))
      throw new TruceError('E007_BAD_OPTION', {
        option: '--map',
        reason: `"${part}" is not key=field with key one of ${MAP_KEYS.join(', ')}`,
      });
    map[key] = field;
  }
  if (!map.html && !map.text)
    throw new TruceError('E007_BAD_OPTION', {
      option: '--map',
      reason: 'name the field with the article: html=... or text=...',
    });
  return map;
}

function field(record: Record<string, unknown>, name: string | undefined): string | null {
  if (!name) return null;
  const v = record[name];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

/** One record as a report; throws an Error naming the problem (the caller quarantines the line). */
export function recordFromJson(value: unknown, map: FieldMap): LoadedReport {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('the line is not a JSON object');
  const r = value as Record<string, unknown>;
  const html = field(r, map.html);
  const body = html ?? field(r, map.text);
  if (body === null || body.trim() === '') throw new Error(`no article text in field "${map.html ?? map.text}"`);
  const limit = maxInputBytes();
  if (Buffer.byteLength(body) > limit) throw new Error(`article is larger than ${limit} bytes`);
  const title = field(r, map.title)?.trim();
  const published = field(r, map.published);
  const day = publishedDay(published);
  if (published && !day) throw new Error(`published "${published.slice(0, 40)}" is not a date`);
  const url = field(r, map.url);
  const source = field(r, map.source);
  let text = body;
  if (title) {
    // The cleaner reads a headline from <title>/<h1> in HTML and from the first line of text.
    if (html === null) text = `${title}\n\n${body}`;
    else if (!/<title[\s>]/i.test(body))
      text = `<title>${title.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</title>\n${body}`;
  }
  return {
    text,
    mediaType: html === null ? 'text/plain' : 'text/html',
    ...(url ? { url } : {}),
    ...(day ? { published: day } : {}),
    ...(source ? { sourceName: source } : {}),
  };
}
