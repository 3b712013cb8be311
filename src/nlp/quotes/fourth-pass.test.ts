/**
 * Attribution constructions of the fourth pass over the PolNeAR train misses (eval/quotes/misses.ts):
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

describe('catenatives, clause boundaries and headlines (2026-11-28 fourth pass)', () => {
  it('reads a cue after "tried to" or "continues to" with the subject before them', () => {
    const q = one('Governor Haddad is trying to show that the market is safe.')[0];
    assert.equal(q?.cue?.text, 'show');
    assert.equal(q?.speakerMention?.text, 'Governor Haddad');
    assert.equal(q?.text, 'the market is safe');
    assert.equal(one('The mayor continues to insist the road is open.')[0]?.speakerMention?.text, 'The mayor');
  });
  it('still reads no cue after a plain "to"', () => {
    assert.equal(one('The farmers went to Homs to say goodbye to their cousins.').length, 0);
  });
  it("ends a stance's object before a subordinate clause", () => {
    assert.equal(one('The mayor backed the new curfew because he feared more looting.')[0]?.text, 'the new curfew');
    assert.equal(one('The governor described the talks as a waste of time.')[0]?.text, 'the talks as a waste of time');
  });
  it('reads "that" as the subject of the reported clause when a verb follows it', () => {
    assert.equal(
      one('The farmers said that would ruin the harvest in the valley.')[0]?.text,
      'that would ruin the harvest in the valley',
    );
  });
  it('reads a cue verb in a title-cased headline', () => {
    const q = one('Veteran Farm Leader Endorses Bridge Plan For Valley.')[0];
    assert.equal(q?.cue?.text, 'Endorses');
    assert.equal(q?.text, 'Bridge Plan For Valley');
  });
  it('skips the addressee of an assurance', () => {
    assert.equal(
      one('The governor assured residents the water station would be repaired.')[0]?.text,
      'the water station would be repaired',
    );
  });
});

describe('appearances and post-posed sources (2026-11-28 fourth pass)', () => {
  it('reads "seems likely" and "appeared poised" as speakerless appearances', () => {
    const q = one('The mayor of the valley appeared poised to reopen the market on Friday.')[0];
    assert.equal(q?.cue?.text, 'appeared poised');
    assert.equal(q?.speakerMention, null);
    assert.equal(one('A second round of talks seems unlikely before the winter.')[0]?.cue?.text, 'seems unlikely');
  });
  it('takes the named source after "..., said" over a noun inside the clause', () => {
    const q = one(
      'In a year when arguments are resonating with voters, candidates have more room to walk away, said the mayor, an operative currently working for the ministry.',
    );
    assert.equal(q.length, 1);
    assert.equal(q[0]?.speakerMention?.text, 'the mayor');
    assert.equal(
      q[0]?.text,
      'In a year when arguments are resonating with voters, candidates have more room to walk away',
    );
  });
});

describe('negated attributions (2026-11-28 fourth pass)', () => {
  it('reads a negated stance with its subject before "did not"', () => {
    const q = one('The governor did not endorse the new curfew.')[0];
    assert.equal(q?.cue?.text, 'endorse');
    assert.equal(q?.speakerMention?.text, 'The governor');
    assert.equal(q?.text, 'the new curfew');
    assert.equal(one('The mayor hasn’t backed the plan for the bridge.')[0]?.speakerMention?.text, 'The mayor');
  });
  it('keeps a negated report and "refused to say" from being a report', () => {
    assert.equal(one('The governor did not say whether the road was open.').length, 0);
    assert.equal(
      one('The spokesman refused to say whether the road was open.').some((q) => q.cue?.text === 'say'),
      false,
    );
  });
});

describe('passive reports without an agent (2026-11-28 fourth pass)', () => {
  it('reads "was asked" as a speakerless attribution', () => {
    const q = one('The governor was asked about the curfew in the valley.');
    assert.equal(q.length, 1);
    assert.equal(q[0]?.cue?.text, 'was asked');
    assert.equal(q[0]?.speaker, null);
    assert.equal(q[0]?.speakerMention, null);
  });
  it('leaves a passive with "by" to the rule that names its source', () => {
    const q = one('The plan was criticized by the mayor of the valley.');
    assert.equal(q.length, 1);
    assert.equal(q[0]?.speakerMention?.text, 'the mayor of the valley');
  });
});

describe('a participle cue after a framed final cue (2026-11-28 fourth pass)', () => {
  it("ends the frame at the participle and gives the participle the cue's subject", () => {
    const q = one(
      'The new curfew is a disaster for farmers, Haddad said on Tuesday, noting that the market was empty.',
    );
    assert.deepEqual(
      q.map((x) => [x.text, x.speakerMention?.text]),
      [
        ['The new curfew is a disaster for farmers', 'Haddad'],
        ['the market was empty', 'Haddad'],
      ],
    );
  });
});

describe('present-tense cues the tagger reads as nouns (2026-11-28 fourth pass)', () => {
  it('reads a singular subject and "plans to be" as an intention', () => {
    const q = one('The Republican presidential candidate plans to be back in the valley later on Saturday.')[0];
    assert.equal(q?.cue?.text, 'plans');
    assert.equal(q?.speakerMention?.text, 'The Republican presidential candidate');
    assert.equal(q?.text, 'to be back in the valley later on Saturday');
  });
  it('keeps a plural noun "plans" after a possessive a noun', () => {
    assert.equal(one('The ministry’s plans were delayed again.').length, 0);
  });
});

describe('a final present-tense cue the tagger reads as a noun (2026-11-28 fourth pass)', () => {
  it('reads "..., campaign records show." as the clause before it', () => {
    const q = one('Haddad gave money to the fund in 2014, campaign finance records show.')[0];
    assert.equal(q?.cue?.text, 'show');
    assert.equal(q?.speakerMention?.text, 'campaign finance records');
    assert.equal(q?.text, 'Haddad gave money to the fund in 2014');
  });
});

describe('polls opening a sentence without a determiner (2026-11-28 fourth pass)', () => {
  it('reads "In exit polls, CLAUSE" with the polls as the source', () => {
    const q = one('In exit polls, most voters in the valley were unhappy with the new curfew.')[0];
    assert.equal(q?.speakerMention?.text, 'exit polls');
    assert.equal(q?.text, 'most voters in the valley were unhappy with the new curfew');
  });
});

describe('title-cased clauses and spaced hyphens (2026-11-28 fourth pass)', () => {
  it('reads the verbs of the reported clause in a title-cased headline', () => {
    const q = one('Mayor Haddad Says He Never Promised To Close The Market.')[0];
    assert.equal(q?.cue?.text, 'Says');
    assert.equal(q?.text, 'He Never Promised To Close The Market');
  });
  it('ends a content at a spaced hyphen before a new source, which is no part of the next subject', () => {
    const q = one('Some farmers say the mayor looks tired - others say he has never been better.');
    assert.deepEqual(
      q.map((x) => [x.text, x.speakerMention?.text]),
      [
        ['the mayor looks tired', 'Some farmers'],
        ['he has never been better', 'others'],
      ],
    );
  });
});

describe('a cue whose reported clause has a gap (2026-11-28 fourth pass)', () => {
  it('reads "a plan the envoy said would fail" with the predicate as the content', () => {
    const q = one('The farmers rejected a plan the envoy said would reopen the road.');
    const inner = q.find((x) => x.cue?.text === 'said');
    assert.equal(inner?.speakerMention?.text, 'the envoy');
    assert.equal(inner?.text, 'would reopen the road');
  });
  it('reads the gap cue inside a content found before it', () => {
    const q = one('Haddad says he is tied with the mayor, in a finish that he said defied expectations.');
    assert.deepEqual(
      q.map((x) => [x.cue?.text, x.text]),
      [
        ['says', 'he is tied with the mayor, in a finish that he said defied expectations'],
        ['said', 'defied expectations'],
      ],
    );
  });
});
