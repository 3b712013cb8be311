/** The mentions layer: pronouns, common-noun phrases and acting states, on invented sentences. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention, PlaceMention } from '../../core/document.js';
import { parseDataText } from '../../core/data-file.js';
import { readSentences } from '../sentences/sentences.stage.js';
import { findMentions } from './find.js';
import { loadMentionLexicon, mentionsSchema } from './mentions.schema.js';
import { stateMentions } from './states.js';

const lex = loadMentionLexicon();

function mentionsOf(body: string): Mention[] {
  return findMentions(body, readSentences(body), lex);
}

const show = (ms: readonly Mention[]) => ms.map((m) => `${m.text}/${m.type}`);

describe('mentions: pronouns', () => {
  const cases: Array<[string, string, string[]]> = [
    ['he and she are people', 'He said she would stay.', ['He/person', 'she/person']],
    ['"I" and "me" are a person', 'I told them to call me later.', ['I/person', 'me/person']],
    ['we and they are groups', 'We met them after they left.', ['We/organization', 'they/organization']],
    ['"US" in capitals is not "us"', 'The US gave us food.', ['us/organization']],
    ['locative "there" is a place', 'The convoy drove there at dawn.', ['The convoy/organization', 'there/place']],
    ['existential "there" is not', 'There were clashes overnight.', []],
    ['"here" is a place', 'Shells fell here last week.', ['here/place']],
  ];
  for (const [name, body, want] of cases) {
    it(name, () =>
      assert.deepEqual(
        show(mentionsOf(body).filter((m) => m.kind === 'pronoun' || want.includes(`${m.text}/${m.type}`))),
        want,
        name,
      ),
    );
  }
});

describe('mentions: noun phrases', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a place noun with its article', 'Shelling hit the village.', ['the village/place']],
    [
      'modifiers and a name inside',
      'The Valdorian security forces withdrew.',
      ['The Valdorian security forces/organization'],
    ],
    [
      'a plural person noun is a group',
      'Residents fled as militants advanced.',
      ['Residents/organization', 'militants/organization'],
    ],
    ['a count is left out', 'Mortars killed four civilians.', ['civilians/organization']],
    ['a count after the article too', 'The two units met.', ['units/organization']],
    ['a hyphenated participle stays', 'Jets struck a rebel-held building.', ['a rebel-held building/place']],
    ['a bare participle does not', 'The blast killed civilians.', ['civilians/organization']],
    [
      '"of" and a name after the head',
      'Troops entered the city of Varn on Monday.',
      ['Troops/organization', 'the city of Varn/place'],
    ],
    ['a noun before a noun is a modifier', 'Government forces shelled it.', ['Government forces/organization']],
    ['a singular role needs a determiner', 'Ana Vell, commander of the unit, spoke.', ['the unit/organization']],
    ['a singular role with one', 'A spokesman denied it.', ['A spokesman/person']],
    ['a capitalised role after "the"', 'The Foreign Secretary arrived.', ['The Foreign Secretary/person']],
    ['but not before a name', 'The Foreign Secretary Ana Vell arrived.', []],
    ['a possessive opens a phrase', "The alliance's small team left.", ["The alliance's small team/organization"]],
    ['groups sharing a determiner join', 'Their wives and children fled.', ['Their wives and children/organization']],
    [
      'groups with their own determiners do not',
      'The rebels and their allies fled.',
      ['The rebels/organization', 'their allies/organization'],
    ],
    ['a plural demonym is a group', 'The Syrians voted.', ['The Syrians/organization']],
    ['an unknown one is not', 'The Valdorians voted.', []],
  ];
  for (const [name, body, want] of cases) {
    it(name, () => assert.deepEqual(show(mentionsOf(body).filter((m) => m.kind === 'nominal')), want, name));
  }
  it('the head is recorded', () => {
    assert.equal(mentionsOf('The local police arrived.')[0]?.head.text, 'police');
  });
});

function place(body: string, name: string): PlaceMention {
  const start = body.indexOf(name);
  return {
    start,
    end: start + name.length,
    text: name,
    name,
    kind: 'country',
    country: 'XX',
    countryName: name,
    admin1: null,
    latitude: null,
    longitude: null,
    geoPrecision: 3,
    metonymFor: null,
  } as PlaceMention;
}

describe('mentions: a country acting is its state', () => {
  const cases: Array<[string, string, string, string[]]> = [
    ['with "the"', 'Talks began after the Republic said no.', 'Republic', ['the Republic/organization']],
    ['as a subject', 'Valdoria has refused the offer.', 'Valdoria', ['Valdoria/organization']],
    ['as a possessor', "Valdoria's envoy left.", 'Valdoria', ['Valdoria/organization']],
    ['not after a preposition', 'Strikes in Valdoria continue.', 'Valdoria', []],
    ['not inside a compound', 'The Valdoria envoy left.', 'Valdoria', []],
    ['not as ground', 'They fled to Valdoria.', 'Valdoria', []],
  ];
  for (const [name, body, country, want] of cases) {
    it(name, () => {
      const s = readSentences(body);
      assert.deepEqual(show(stateMentions(body, s.tokens, [place(body, country)])), want, name);
    });
  }
});

describe('mentions: the word lists', () => {
  it('a word in two lists is refused', () => {
    const text =
      'pronouns: {person: [he], organization: [we], place: [here]}\ndeterminers: [the]\n' +
      'heads: {place: [town], group: [army], people: [civilians], person: [he]}\n';
    assert.throws(() => parseDataText(text, mentionsSchema, 'test'), /"he" is also in pronouns.person/);
  });
});
