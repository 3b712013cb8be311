/**
 * Attribution constructions added from the PolNeAR train error analysis (eval/quotes/misses.ts):
 * invented conflict-news sentences, one construction each.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './quotes.stage.js';
import { loadLexicon } from './lexicon.js';
import type { EntitySpec } from './test-doc.js';
import { docParts, quoteTable, type QuoteRow } from './test-doc.js';

const lex = loadLexicon();

const ENTITIES: EntitySpec[] = [
  ['Sergei Lavrov', 'person', 'Sergei Lavrov'],
  ['Lavrov', 'person', 'Sergei Lavrov'],
  ['Kerry', 'person', 'John Kerry'],
  ['Observatory', 'organization', 'Syrian Observatory for Human Rights'],
  ['Ahrar al-Sham', 'group', 'Ahrar al-Sham'],
];

const ROWS: QuoteRow[] = [
  {
    name: "a reported clause ends before the next act in a list of the speaker's acts",
    paragraphs: ['Lavrov said the convoy had waited for days, called the delay a crime and left Geneva.'],
    expected: [['the convoy had waited for days', 'Sergei Lavrov', 'indirect']],
  },
  {
    name: 'a participle cue after a final cue is an attribution of its own',
    paragraphs: ['The truce held overnight, Kerry said, citing reports from the monitors.'],
    expected: [
      ['The truce held overnight', 'John Kerry', 'indirect'],
      ['reports from the monitors', 'John Kerry', 'indirect'],
    ],
  },
  {
    name: '"according to" inside the sentence it sources',
    paragraphs: ['Food prices, according to the Observatory, have doubled since the siege began.'],
    expected: [
      ['Food prices, according to the Observatory, have doubled', 'Syrian Observatory for Human Rights', 'indirect'],
    ],
  },
  {
    name: '"according to" a source followed by a relative clause',
    paragraphs: ['The convoy was stopped at the checkpoint, according to the driver, who spoke to the Observatory.'],
    expected: [['The convoy was stopped at the checkpoint', 'the driver', 'indirect']],
  },
  {
    name: '"according to" a source the tagger starts with a verb',
    paragraphs: ['The charity was registered in Gaziantep in 2010, according to state records.'],
    expected: [['The charity was registered in Gaziantep in 2010', 'state records', 'indirect']],
  },
  {
    name: 'an apposition opened by an adverb',
    paragraphs: ['Kerry, also a former senator, called the siege “a crime against the people of Aleppo.”'],
    expected: [['the siege “a crime', 'John Kerry', 'indirect']],
  },
  {
    name: 'a reported clause ends where a nested attribution starts',
    paragraphs: ['Lavrov said the convoy would leave on Monday, while Kerry said it would wait for the map.'],
    expected: [
      ['the convoy would leave on Monday', 'Sergei Lavrov', 'indirect'],
      ['it would wait for the map', 'John Kerry', 'indirect'],
    ],
  },
  {
    name: 'a reported clause ends before a participle cue',
    paragraphs: ['Kerry said the talks had stalled, adding that both sides would meet again in Geneva.'],
    expected: [
      ['the talks had stalled', 'John Kerry', 'indirect'],
      ['both sides would meet again in Geneva', 'John Kerry', 'indirect'],
    ],
  },
  {
    name: 'parenthetical cue inside the reported sentence',
    paragraphs: ['The road to the airport, Kerry said, is still closed to aid trucks.'],
    expected: [['The road to the airport, Kerry said, is still closed to aid trucks', 'John Kerry', 'indirect']],
  },
  {
    name: '"according to" after a clause that opens with a prepositional phrase',
    paragraphs: ['In the south, the shelling stopped at noon, according to the Observatory.'],
    expected: [['In the south, the shelling stopped at noon', 'Syrian Observatory for Human Rights', 'indirect']],
  },
  {
    name: 'a plural subject and a cue the tagger reads as a noun',
    paragraphs: ['Most residents support the plan for a local council.'],
    expected: [['the plan for a local council', 'Most residents', 'indirect']],
  },
  {
    name: 'speakerless appearance: the subject and its predicate',
    paragraphs: ['The truce in the north appears to be holding after a week.'],
    expected: [['The truce in the north appears to be holding after a week', null, 'indirect']],
  },
  {
    name: 'a refusal to comment',
    paragraphs: ['A spokesman for Ahrar al-Sham declined to comment on the exchange.'],
    expected: [['to comment on the exchange', 'Ahrar al-Sham', 'indirect']],
  },
  {
    name: '"called" needs a speaker as its subject',
    paragraphs: ['A new website called Aleppo Today opened in March.'],
    expected: [],
  },
  {
    name: 'a verbless title-cased headline claim',
    paragraphs: ['Kerry: Aleppo Truce Plan Unworkable'],
    expected: [['Aleppo Truce Plan Unworkable', 'John Kerry', 'indirect']],
  },
  {
    name: 'a straight mark closed by a curly one',
    paragraphs: ['"We will not leave the road,” Kerry said.'],
    expected: [['We will not leave the road', 'John Kerry', 'direct']],
  },
  {
    name: "a quote and the writer's words before a final cue",
    paragraphs: ['“The road is open” to every convoy since Monday, Kerry said.'],
    expected: [['“The road is open” to every convoy since Monday', 'John Kerry', 'indirect']],
  },
  {
    name: 'subject through a relative clause holding commas',
    paragraphs: ['Kerry, who met the envoy in Geneva, Switzerland, on Monday, said the map was ready.'],
    expected: [['the map was ready', 'John Kerry', 'indirect']],
  },
  {
    name: 'a date between the subject and its cue is no part of the name',
    paragraphs: ['Kerry on Wednesday said the map was ready.'],
    expected: [['the map was ready', 'John Kerry', 'indirect']],
  },
  {
    name: 'a time phrase before the subject of a coordinated cue',
    paragraphs: ['A few hours later, Lavrov left the talks and said the convoy would wait.'],
    expected: [['the convoy would wait', 'Sergei Lavrov', 'indirect']],
  },
  {
    name: 'a hyphenated modifier in the subject after a quote',
    paragraphs: ['“The convoy will not reach the town tonight,” Geneva-based envoy Kerry said.'],
    expected: [['The convoy will not reach the town tonight', 'John Kerry', 'direct']],
  },
  {
    name: 'an abbreviation inside the apposition after a quote',
    paragraphs: ['“The road to the town is closed again,” Senator Kerry, D-Mass., said.'],
    expected: [['The road to the town is closed again', 'John Kerry', 'direct']],
  },
  {
    name: 'coordinated descriptions as the subject after a quote',
    paragraphs: ['“We will stay in Geneva until the map is ready,” the former senator and envoy said.'],
    expected: [['We will stay in Geneva until the map is ready', 'the former senator and envoy', 'direct']],
  },
  {
    name: 'a participle after the determiner in the subject',
    paragraphs: ['“Leave the road open for the convoy,” said the printed order of the Observatory.'],
    expected: [['Leave the road open for the convoy', 'Syrian Observatory for Human Rights', 'direct']],
  },
  {
    name: 'any verb closing the clause attributes a quote that ends on a comma',
    paragraphs: ['“The siege has failed and the people know it,” an angry Lavrov retorted. “Open the road.”'],
    expected: [
      ['The siege has failed and the people know it', 'Sergei Lavrov', 'direct'],
      ['Open the road.', 'Sergei Lavrov', 'direct'],
    ],
  },
  {
    name: 'an inverted verb and speaker after an exclamation',
    paragraphs: ['“The convoy is through at last!” beamed Kerry.'],
    expected: [['The convoy is through at last!', 'John Kerry', 'direct']],
  },
  {
    name: 'a participle after a quote introduces the next quote, not this one',
    paragraphs: ['Lavrov stated, “The convoy will wait in the town,” adding, “The map is not ready yet.”'],
    expected: [
      ['The convoy will wait in the town', 'Sergei Lavrov', 'direct'],
      ['The map is not ready yet.', 'Sergei Lavrov', 'direct'],
    ],
  },
  {
    name: 'the author of a statement is the speaker of its participle',
    paragraphs: [
      'The Observatory released a statement on Monday saying the strikes were “a clear breach of the truce.”',
    ],
    expected: [['the strikes were “a clear breach of the truce', 'Syrian Observatory for Human Rights', 'indirect']],
  },
  {
    name: 'a subject before an aside between dashes',
    paragraphs: [
      'Kerry — named by the agency as the likely envoy — told reporters, “The talks will resume in Geneva.”',
    ],
    expected: [['The talks will resume in Geneva.', 'John Kerry', 'direct']],
  },
  {
    name: 'a phrase cue before a quote',
    paragraphs: ['Lavrov went on to say, “The convoy will wait for the map.”'],
    expected: [['The convoy will wait for the map.', 'Sergei Lavrov', 'direct']],
  },
  {
    name: 'a subject the sentence splitter cut off after an abbreviation',
    paragraphs: ['Senator Kerry (D-Mass.) said the convoy was “stuck for good.”'],
    expected: [['the convoy was “stuck for good', 'John Kerry', 'indirect']],
  },
  {
    name: 'an apposition holding a relative clause',
    paragraphs: ['Kerry, a senator who has refused to endorse the plan, said the convoy was late.'],
    expected: [
      ['to endorse the plan', 'a senator', 'indirect'],
      ['the convoy was late', 'John Kerry', 'indirect'],
    ],
  },
  {
    name: '"put it" as a phrase cue',
    paragraphs: ['As Kerry put it, the convoy had become a hostage of the talks.'],
    expected: [['the convoy had become a hostage of the talks', 'John Kerry', 'indirect']],
  },
  {
    name: 'any verb of a speaker before a comma and a quote',
    paragraphs: ['Lavrov joked at the briefing, “The convoy will arrive when the map is ready.”'],
    expected: [['The convoy will arrive when the map is ready.', 'Sergei Lavrov', 'direct']],
  },
  {
    name: 'a pronoun and any verb after a quote that ends on a comma',
    paragraphs: [
      'The Observatory said the road was shut.',
      '“The road to the town is closed until further notice,” it reads.',
    ],
    expected: [
      ['the road was shut', 'Syrian Observatory for Human Rights', 'indirect'],
      ['The road to the town is closed until further notice', 'Syrian Observatory for Human Rights', 'direct'],
    ],
  },
  {
    name: 'an inverted document source followed by a prepositional phrase',
    paragraphs: ['“The siege of the town must end this week,” reads an editorial in the weekly bulletin.'],
    expected: [['The siege of the town must end this week', 'editorial', 'direct']],
  },
  {
    name: 'any verb of a speaker whose object quotes words',
    paragraphs: ['Lavrov talked up his “plan for a lasting truce” at the briefing.'],
    expected: [['his “plan for a lasting truce” at the briefing', 'Sergei Lavrov', 'indirect']],
  },
  {
    name: 'a quoted title in an object far from the verb is no attribution',
    paragraphs: ['Kerry spent the whole of Sunday evening at home watching the news on “Face the Nation.”'],
    expected: [],
  },
  {
    name: 'a cue further back before "that" and a quote',
    paragraphs: ['Kerry tells reporters outside a polling station in the town that “the convoy will be late today.”'],
    expected: [['the convoy will be late today.', 'John Kerry', 'direct']],
  },
  {
    name: 'a subject before an aside between spaced hyphens',
    paragraphs: ['Kerry - the envoy and an old friend of the family - told the agency that the convoy was late.'],
    expected: [['the convoy was late', 'John Kerry', 'indirect']],
  },
];

quoteTable('quotes stage: constructions', ROWS, ENTITIES, lex);

describe('quotes stage: speaker mentions', () => {
  it('a relative pronoun before the cue is the mention, the antecedent names the speaker', () => {
    const { body, sentences, entities } = docParts(
      ['Kerry, who said the road would reopen on Monday, left Geneva at noon.'],
      ENTITIES,
    );
    const quotes = findQuotes(body, sentences, entities, lex);
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]!.speaker, 'John Kerry');
    assert.equal(quotes[0]!.speakerMention?.text, 'who');
    assert.equal(quotes[0]!.text, 'the road would reopen on Monday');
  });
});

describe('cue nouns, auxiliaries and asides (2026-11-28 third pass)', () => {
  const one = (text: string) => {
    const { body, sentences, entities } = docParts([text], []);
    return findQuotes(body, sentences, entities, lex);
  };
  it('reads a possessor and the object of a cue noun', () => {
    const q = one('Governor Haddad spoke on Monday. His support for the new crossing surprised the council.');
    const support = q.find((x) => x.cue?.text === 'support');
    assert.equal(support?.text, 'the new crossing');
    assert.equal(support?.speakerMention?.text, 'His');
  });
  it('reads a progressive or modal cue', () => {
    assert.equal(one('Governor Haddad is praising the new bridge plan.')[0]?.text, 'the new bridge plan');
    assert.equal(one('The council could announce a truce on Monday.')[0]?.cue?.text, 'announce');
  });
  it('skips an aside and a date between the cue and that', () => {
    assert.equal(one('Omar said, among other things, that the road was closed.')[0]?.text, 'the road was closed');
    assert.equal(one('The mayor said Tuesday that the road was closed.')[0]?.text, 'the road was closed');
  });
  it('keeps a conditional that opens the reported clause', () => {
    assert.equal(
      one('Haddad said if elected he would reopen the road.')[0]?.text,
      'if elected he would reopen the road',
    );
  });
  it('skips a time phrase between the subject and its cue', () => {
    assert.equal(one('Haddad at the time said he would stay.')[0]?.speakerMention?.text, 'Haddad');
    assert.equal(
      one('The ministry last week announced that the road was open.')[0]?.speakerMention?.text,
      'The ministry',
    );
  });
  it('reads a count as a plural subject', () => {
    assert.equal(one('About 4 in 10 say they want a new road.')[0]?.cue?.text, 'say');
  });
  it('inflects every lemma of an entry (supporting, hoping)', () => {
    assert.equal(one('Several pastors supporting Haddad met in Homs.')[0]?.cue?.text, 'supporting');
  });
  it('ends a content where a new source speaks after a dash or "while"', () => {
    const q = one('Some farmers say the mayor looks tired — others say he has never been better.');
    assert.deepEqual(
      q.map((x) => x.text),
      ['the mayor looks tired', 'he has never been better'],
    );
    assert.equal(
      one('Most farmers say the road is safe, while only 40 percent of traders say it is open.')[0]?.text,
      'the road is safe',
    );
  });
  it('reads a passive cue with its source after "by"', () => {
    const q = one('The new curfew was criticized by Governor Haddad on Monday.')[0];
    assert.equal(q?.text, 'The new curfew');
    assert.equal(q?.speakerMention?.text, 'Governor Haddad');
  });
});
