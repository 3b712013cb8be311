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

describe('tagger slips around a plain "X said CLAUSE" (2026-11-29 sixth pass)', () => {
  it('reads a name the tagger took for an adverb as the subject', () => {
    const { body, sentences, entities } = docParts(
      ['Jolly said he would be cautious with the budget.'],
      [['Jolly', 'person', 'Dan Jolly']],
    );
    const q = findQuotes(body, sentences, entities, lex)[0];
    assert.equal(q?.speakerMention?.text, 'Jolly', 'the person entity is the subject');
    assert.equal(q?.text, 'he would be cautious with the budget', 'the clause after the cue');
  });
  it('opens the clause with an adverb glued to a hyphen', () => {
    const q = one('Experts said first-time offenders are often sent to courses.')[0];
    assert.equal(q?.text, 'first-time offenders are often sent to courses', '"first-time" is no adverb of the cue');
  });
  it('takes a clause whose verb the tagger read as a noun', () => {
    const q = one('The economist said each year of school yields a rise in income.')[0];
    assert.equal(q?.text, 'each year of school yields a rise in income', '"yields" is the verb');
  });
});

describe('participle cues after several frames (2026-11-29 sixth pass)', () => {
  const rows: Array<{ text: string; mention: string }> = [
    {
      text: 'In his first reaction, during a radio interview, the envoy questioned the delay, implying that the convoy was held back.',
      mention: 'the envoy',
    },
    {
      text: 'On Sunday morning the envoy made a third attempt to reopen the talks, writing on Twitter that the truce had to hold.',
      mention: 'the envoy',
    },
  ];
  for (const row of rows)
    it(`gives the participle the main clause's subject: ${row.text.slice(0, 40)}...`, () => {
      const quotes = one(row.text);
      const last = quotes[quotes.length - 1];
      assert.equal(
        last?.speakerMention?.text,
        row.mention,
        `the subject of the clause before the comma: ${JSON.stringify(quotes)}`,
      );
    });
});
