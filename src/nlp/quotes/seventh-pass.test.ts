/**
 * Attribution constructions of the seventh pass over the PolNeAR train misses (eval/quotes/misses.ts):
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

interface Row {
  readonly name: string;
  readonly text: string;
  readonly mention: string;
  readonly content: string;
}

const check = (rows: readonly Row[]) => {
  for (const row of rows)
    it(row.name, () => {
      const quotes = one(row.text);
      assert.equal(quotes.length, 1, `${row.name}: one attribution: ${JSON.stringify(quotes)}`);
      assert.equal(quotes[0]!.speakerMention?.text, row.mention, `${row.name}: the source`);
      assert.equal(quotes[0]!.text, row.content, `${row.name}: the content`);
    });
};

describe('a reported clause opening with a fronted phrase (2026-11-29 seventh pass)', () => {
  check([
    {
      name: '"that" then a fronted subordinate clause',
      text: 'The governor predicted that as the militias withdraw, most families will return.',
      mention: 'The governor',
      content: 'as the militias withdraw, most families will return',
    },
    {
      name: '"that" then a fronted prepositional phrase',
      text: 'The envoy said that after the shelling, the school stayed closed.',
      mention: 'The envoy',
      content: 'after the shelling, the school stayed closed',
    },
    {
      name: '"that," then a comma and a fronted clause',
      text: 'The mediator argued that, while the talks may fail, the truce will hold.',
      mention: 'The mediator',
      content: 'while the talks may fail, the truce will hold',
    },
    {
      name: 'no "that": a fronted prepositional phrase up to a comma',
      text: 'The mayor says despite all that, the town will hold.',
      mention: 'The mayor',
      content: 'despite all that, the town will hold',
    },
    {
      name: 'no "that": a fronted verbless phrase between commas',
      text: 'The commander says, win or lose in the valley, his unit is staying.',
      mention: 'The commander',
      content: 'win or lose in the valley, his unit is staying',
    },
  ]);
  it('keeps a parenthetical cue with no fronted phrase after it', () => {
    const quotes = one('The road, the driver said, is still closed to trucks.');
    assert.equal(
      quotes[0]?.text,
      'The road, the driver said, is still closed to trucks',
      'the sentence around the cue',
    );
  });
});

describe('commitments with a to-infinitive (2026-11-29 seventh pass)', () => {
  check([
    {
      name: '"have vowed to"',
      text: 'The rebels have vowed to retake the hill before winter.',
      mention: 'The rebels',
      content: 'to retake the hill before winter',
    },
    {
      name: '"promised to"',
      text: 'The governor promised to reopen the bakery.',
      mention: 'The governor',
      content: 'to reopen the bakery',
    },
    {
      name: '"pledged to"',
      text: 'The council pledged to pay the families of the victims.',
      mention: 'The council',
      content: 'to pay the families of the victims',
    },
  ]);
  it('reads no commitment into "pledged" before a noun', () => {
    assert.deepEqual(one('The pledged funds reached the camp in May.'), [], 'an adjective is no cue');
  });
});

describe('present-tense stances the tagger reads as nouns (2026-11-29 seventh pass)', () => {
  check([
    {
      name: 'after a relative "who", the object ends before the main verb',
      text: 'Most farmers who support the council live in the north.',
      mention: 'who',
      content: 'the council',
    },
    {
      name: 'after a plural subject, before a gerund',
      text: 'A growing number of village elders support reforming the council.',
      mention: 'A growing number of village elders',
      content: 'reforming the council',
    },
  ]);
  it('reads no stance into a noun after "the"', () => {
    assert.deepEqual(one('The support of the elders came late.'), [], '"support" after a determiner is a noun');
  });
});

describe('an object ends before an adjunct of the act (2026-11-29 seventh pass)', () => {
  it('stops at "by" and an -ing verb', () => {
    const q = one('The minister dismissed the charges by pointing to the new report.')[0];
    assert.equal(q?.text, 'the charges', 'the object, without the means');
  });
});

describe('an object ends where a new clause starts (2026-11-29 seventh pass)', () => {
  it('stops before ", and" with a subject and a verb', () => {
    const quotes = one('The council backed the plan, and the envoy said the road would reopen.');
    assert.deepEqual(
      quotes.map((q) => [q.speakerMention?.text, q.text]),
      [
        ['The council', 'the plan'],
        ['the envoy', 'the road would reopen'],
      ],
      'the stance keeps its object, the speech cue its clause',
    );
  });
  it('keeps a list of nouns whole', () => {
    const q = one('The elders praised the truce, the aid convoys and the new school.')[0];
    assert.equal(q?.text, 'the truce, the aid convoys and the new school', 'no verb follows the commas');
  });
});

describe('short to-infinitive contents (2026-11-29 seventh pass)', () => {
  const rows: Array<{ text: string; contents: string[] }> = [
    { text: 'The spokesman declined to comment.', contents: ['to comment'] },
    { text: 'The militias want to fight.', contents: ['to fight'] },
    {
      text: 'The monitors declined to comment, not wanting to anger the council.',
      contents: ['to comment'],
    },
    {
      text: 'The ministry declined to comment and aides later said the report was false.',
      contents: ['to comment', 'the report was false'],
    },
  ];
  for (const row of rows)
    it(`reads "${row.text}"`, () => {
      assert.deepEqual(
        one(row.text).map((q) => q.text),
        row.contents,
        `${row.text}: a two-word infinitive, ending at a reason or a new attribution`,
      );
    });
});

describe('negated speech cues (2026-11-29 seventh pass)', () => {
  const rows: Array<{ text: string; contents: string[]; why: string }> = [
    {
      text: 'The commander did not mention the shelling.',
      contents: ['the shelling'],
      why: 'an object left unmentioned is a position',
    },
    {
      text: 'The ministry has not disclosed the number of dead.',
      contents: ['the number of dead'],
      why: 'an object withheld is a position',
    },
    {
      text: 'The ministry did not say whether the road was open.',
      contents: [],
      why: 'a negated report of a clause reports nothing',
    },
    {
      text: 'The army did not reveal whether civilians died.',
      contents: [],
      why: 'a clause after a negated or-object verb is not reported either',
    },
  ];
  for (const row of rows)
    it(`reads "${row.text}"`, () => {
      assert.deepEqual(
        one(row.text).map((q) => q.text),
        row.contents,
        `${row.text}: ${row.why}`,
      );
    });
});

describe('the last clause before a final "according to" (2026-11-29 seventh pass)', () => {
  const rows: Array<{ text: string; content: string }> = [
    {
      text: 'The governor cites the old census, but the real figure is closer to ten thousand, according to the monitors.',
      content: 'but the real figure is closer to ten thousand',
    },
    {
      text: 'The trucks reached the camp, which had been empty for a week, according to the agency.',
      content: 'which had been empty for a week',
    },
    {
      text: 'Gunmen attacked a checkpoint outside the town on Sunday, and the fighting lasted until dusk, according to two residents.',
      content: 'Gunmen attacked a checkpoint outside the town on Sunday, and the fighting lasted until dusk',
    },
    {
      text: 'The convoy, which left at dawn, reached the camp, according to the agency.',
      content: 'The convoy, which left at dawn, reached the camp',
    },
  ];
  for (const row of rows)
    it(`reads "${row.text.slice(0, 40)}..."`, () => {
      const q = one(row.text).find((x) => x.cue?.text === 'according to');
      assert.equal(q?.text, row.content, `${row.text}: the clause the source vouches for`);
    });
});
