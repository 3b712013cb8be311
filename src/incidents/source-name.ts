/**
 * One identity for the many ways a source is written: "Reuters", "reuters.com", "uk.reuters.com" and
 * "Thomson Reuters" are one outlet; "the Observatory" and "Syrian Observatory for Human Rights" one
 * monitor; "witnesses" or "a security source" nobody in particular. Pure; the table is
 * data/incidents/sources.yaml, indexed by rules.ts.
 */
import type { SourceIdentities } from './rules.js';

const COMBINING = /\p{M}+/gu;
const APOSTROPHES = /['\u2018\u2019\u02bc`]/g;
const NON_WORD = /[^a-z0-9]+/g;

/** Lower case, accents, apostrophes and punctuation dropped, single spaces, no leading "the". */
export function normaliseSourceName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NON_WORD, ' ')
    .trim()
    .replace(/^the /, '');
}

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/;
const HOST_PREFIX = /^(www\d?|m|amp|mobile)\./;

/** The host a name stands for when it is a URL or a bare domain, without "www." and the like. */
function hostOf(raw: string): string | null {
  let host: string | null = null;
  if (/^https?:\/\//i.test(raw)) {
    try {
      host = new URL(raw).hostname.toLowerCase();
    } catch {
      return null;
    }
  } else if (DOMAIN.test(raw.toLowerCase())) host = raw.toLowerCase();
  return host === null ? null : host.replace(HOST_PREFIX, '');
}

/**
 * The identity of one source as written (a name, a domain or a URL), or null when it names nobody in
 * particular (empty, "(unnamed source)", or a description whose last word is an anonymous head such
 * as "witnesses" or "officials"). A name or domain the table lacks is its own identity.
 */
export function sourceId(raw: string, ids: SourceIdentities): string | null {
  const text = raw.trim();
  if (text === '') return null;
  const host = hostOf(text);
  if (host !== null) {
    for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
      const id = ids.domains.get(h);
      if (id !== undefined) return id;
    }
    return host;
  }
  // ACLED-style qualifiers: "(2000-2024)" is dropped; "(unnamed source)" means nobody in particular.
  const qualifier = /\s*\(([^)]*)\)\s*$/.exec(text);
  if (qualifier && /unnamed|unidentified|anonymous/i.test(qualifier[1]!)) return null;
  const name = normaliseSourceName(qualifier ? text.slice(0, qualifier.index) : text);
  if (name === '') return null;
  const known = ids.names.get(name);
  if (known !== undefined) return known;
  const last = name.slice(name.lastIndexOf(' ') + 1);
  return ids.anonymousHeads.has(last) ? null : name;
}

/** The sources of one field: ACLED and UCDP list several, separated by semicolons. */
export function splitSources(field: string | null): string[] {
  if (field === null) return [];
  return field
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
