/**
 * Coreference inside one report: a later bare surname ("Ryabkov") resolves to the earlier full
 * name ("Sergei Ryabkov"), and "the Ministry" to the earlier "Russian Defence Ministry".
 */
import type { Entity } from '../../core/document.js';
import { foldKey, type Tok } from './fold.js';
import { inLexicon, STOPWORD } from './recogniser.js';

const PARTICLE_RE = /^(?:al|el|as|ash|ad|ar|az|an)-/i;

// The keys derived from a canonical name never change: computed once per name, across reports.
const surnameKeys = new Map<string, readonly string[]>();
const headKeys = new Map<string, string | null>();

function surnamesOf(canonical: string): readonly string[] {
  let keys = surnameKeys.get(canonical);
  if (keys === undefined) {
    const words = canonical.split(/\s+/);
    const last = words[words.length - 1]!;
    keys = words.length < 2 ? [] : [last, last.replace(PARTICLE_RE, '')].map((f) => foldKey(f).replace(/-/g, ' '));
    if (surnameKeys.size > 20_000) surnameKeys.clear();
    surnameKeys.set(canonical, keys);
  }
  return keys;
}

function headOf(canonical: string): string | null {
  let key = headKeys.get(canonical);
  if (key === undefined) {
    const words = canonical.split(/\s+/);
    // The head is the last capitalised word before any "of"/"for" complement.
    const cut = words.findIndex((w, i) => i > 0 && /^(?:of|for)$/i.test(w));
    const head = words[(cut > 0 ? cut : words.length) - 1]!;
    key = words.length >= 2 && /^\p{Lu}/u.test(head) ? foldKey(head) : null;
    if (headKeys.size > 20_000) headKeys.clear();
    headKeys.set(canonical, key);
  }
  return key;
}

export class DocMemory {
  private readonly people = new Map<string, string>();
  private readonly heads = new Map<string, string>();

  /** Remembers a person named in full (two words or more) under the keys of their surname. */
  notePerson(canonical: string): void {
    for (const key of surnamesOf(canonical)) this.people.set(key, canonical);
  }

  /** Remembers an organisation named in full under its head word ("Ministry", "Observatory"). */
  noteOrganization(canonical: string): void {
    const key = headOf(canonical);
    if (key !== null) this.heads.set(key, canonical);
  }

  person(key: string): string | undefined {
    return this.people.get(key);
  }

  organization(key: string): string | undefined {
    return this.heads.get(key);
  }
}

/** A capitalised word no earlier pass took: a neighbour like this makes a lone word part of a longer name. */
function freeCapital(toks: readonly Tok[], k: number, claimed: Uint8Array, stopwords: ReadonlySet<string>): boolean {
  if (k < 0 || k >= toks.length) return false;
  const t = toks[k]!;
  return t.word && t.shape >= 1 && !claimed[k] && !inLexicon(t, STOPWORD, stopwords);
}

/** Lone capitalised words that repeat a surname or an organisation's head word named earlier. */
export function corefMentions(
  body: string,
  toks: readonly Tok[],
  claimed: Uint8Array,
  cue: Uint8Array,
  memory: DocMemory,
  stopwords: ReadonlySet<string>,
  out: Entity[],
): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.shape < 1 || !t.word || claimed[i] || cue[i]) continue;
    if (freeCapital(toks, i + 1, claimed, stopwords) || freeCapital(toks, i - 1, claimed, stopwords)) continue;
    const person = memory.person(t.key);
    const org = !person && i > 0 && toks[i - 1]!.key === 'the' ? memory.organization(t.key) : undefined;
    const canonical = person ?? org;
    if (!canonical) continue;
    out.push({
      start: t.start,
      end: t.end,
      text: body.slice(t.start, t.end),
      type: person ? 'person' : 'organization',
      canonical,
      actor: null,
      via: 'coreference',
    });
  }
}
