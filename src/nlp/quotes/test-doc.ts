/** Builds quote-stage inputs by hand for tests: a body, its sentences and an entity layer. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity, EntityType } from '../../core/document.js';
import { escapeRegExp } from '../../core/regex.js';
import { readSentences } from '../sentences/sentences.stage.js';
import type { QuoteLexicon } from './lexicon.js';
import { findQuotes } from './quotes.stage.js';

export type EntitySpec = readonly [text: string, type: EntityType, canonical: string];

/** Marks every occurrence of each entity text (longest first, no overlaps) as an entity. */
export function entitiesFor(body: string, specs: readonly EntitySpec[]): Entity[] {
  const out: Entity[] = [];
  const sorted = [...specs].sort((a, b) => b[0].length - a[0].length);
  for (const [text, type, canonical] of sorted) {
    const re = new RegExp(`\\b${escapeRegExp(text)}\\b`, 'g');
    for (const m of body.matchAll(re)) {
      const start = m.index;
      const end = start + text.length;
      if (out.some((e) => e.start < end && start < e.end)) continue;
      out.push({ start, end, text, type, canonical, actor: null, via: 'dictionary' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function docParts(paragraphs: readonly string[], specs: readonly EntitySpec[]) {
  const body = paragraphs.join('\n\n');
  return { body, sentences: readSentences(body), entities: entitiesFor(body, specs) };
}

/** One quote a table row expects: how its content starts, its speaker, its kind. */
export type ExpectedQuote = readonly [contentStart: string, speaker: string | null, kind: 'direct' | 'indirect'];

export interface QuoteRow {
  readonly name: string;
  readonly paragraphs: readonly string[];
  readonly expected: readonly ExpectedQuote[];
  /** A known miss: the test is reported, not failed. */
  readonly todo?: string;
}

/** Runs each row as a test: exactly the expected quotes, in order, each starting as given. */
export function quoteTable(title: string, rows: readonly QuoteRow[], specs: readonly EntitySpec[], lex: QuoteLexicon) {
  describe(title, () => {
    for (const row of rows) {
      it(row.name, { todo: row.todo }, () => {
        const { body, sentences, entities } = docParts(row.paragraphs, specs);
        const got = findQuotes(body, sentences, entities, lex).map((q) => [q.text, q.speaker, q.kind] as const);
        assert.equal(got.length, row.expected.length, `got ${JSON.stringify(got)}`);
        row.expected.forEach(([start, speaker, kind], i) => {
          const [text, gotSpeaker, gotKind] = got[i]!;
          assert.ok(text.startsWith(start), `quote ${i}: "${text}" should start with "${start}"`);
          assert.equal(gotSpeaker, speaker);
          assert.equal(gotKind, kind);
        });
      });
    }
  });
}
