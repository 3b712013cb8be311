/**
 * Attribution constructions of the sixth pass over the PolNeAR train misses (eval/quotes/misses.ts):
 * invented sentences, one construction each.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './quotes.stage.js';
import { loadLexicon } from './lexicon.js';
import { docParts } from './test-doc.js';

const lex = loadLexicon();
const one = (text: string) => {
  const { body, sentences, entities } = docParts([text], []);
  return findQuotes(body, sentences, entities, lex);
};

describe('outer sources of nested attributions (2026-11-29 sixth pass)', () => {
  const rows: Array<{ text: string; mention: string; content: string }> = [
    {
      text: 'According to the aid agency, local officials said the road would reopen in May.',
      mention: 'the aid agency',
      content: 'local officials said the road would reopen in May',
    },
    {
      text: 'In a survey released on Monday, most families said they had no clean water.',
      mention: 'a survey',
      content: 'most families said they had no clean water',
    },
    {
      text: 'In an interview on Monday, the envoy said the talks would resume in June.',
      mention: 'the envoy',
      content: 'the talks would resume in June',
    },
  ];
  for (const row of rows)
    it(`gives "${row.text.slice(0, 30)}..." to ${row.mention}`, () => {
      const quotes = one(row.text);
      assert.equal(quotes.length, 1, `one attribution, the nested cue inside it: ${JSON.stringify(quotes)}`);
      assert.equal(quotes[0]!.speakerMention?.text, row.mention, 'the source');
      assert.equal(quotes[0]!.text, row.content, 'the content');
    });
});
