/**
 * Coreference inside one report: a later bare surname ("Ryabkov") resolves to the earlier full
 * name ("Sergei Ryabkov"), and "the Ministry" to the earlier "Russian Defence Ministry".
 */
import { foldKey } from './fold.js';

const PARTICLE_RE = /^(?:al|el|as|ash|ad|ar|az|an)-/i;

export class DocMemory {
  private readonly people = new Map<string, string>();
  private readonly heads = new Map<string, string>();

  /** Remembers a person named in full (two words or more) under the keys of their surname. */
  notePerson(canonical: string): void {
    const words = canonical.split(/\s+/);
    if (words.length < 2) return;
    const last = words[words.length - 1]!;
    for (const form of [last, last.replace(PARTICLE_RE, '')])
      this.people.set(foldKey(form).replace(/-/g, ' '), canonical);
  }

  /** Remembers an organisation named in full under its head word ("Ministry", "Observatory"). */
  noteOrganization(canonical: string): void {
    const words = canonical.split(/\s+/);
    if (words.length < 2) return;
    // The head is the last capitalised word before any "of"/"for" complement.
    const cut = words.findIndex((w, i) => i > 0 && /^(?:of|for)$/i.test(w));
    const head = words[(cut > 0 ? cut : words.length) - 1]!;
    if (/^\p{Lu}/u.test(head)) this.heads.set(foldKey(head), canonical);
  }

  person(key: string): string | undefined {
    return this.people.get(key);
  }

  organization(key: string): string | undefined {
    return this.heads.get(key);
  }
}
