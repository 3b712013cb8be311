// Party and communal militias (data/events/roles.yaml `militias`), on invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon } from './lexicon.js';
import { createFatalityMatcher } from './fatalities.js';
import { extractEvents, loadTypeModel } from './events.stage.js';
import { loadRoles } from './patients.js';
import { loadNoteCountryData } from './note-country.js';
import { loadCountryData } from '../entities/entity-country.js';
import { loadDataFile } from '../../core/data-file.js';
import { groupsSchema } from '../entities/dictionary.schema.js';
import { buildDoc, type DocSpec } from './testing.js';

const lexicon = loadLexicon();
const deaths = createFatalityMatcher(lexicon.cues);
const model = loadTypeModel();
const roles = loadRoles();
const countries = loadCountryData();
const notes = loadNoteCountryData(countries);

const AL = 'Bangladesh Awami League Militia';
const BNP = 'BNP: Bangladesh Nationalist Party Militia';

/** An invented Bangladeshi district town and the parties the entities stage would find. */
const SPEC: DocSpec = {
  published: '2015-03-10',
  places: { Kusumganj: { country: 'BD', countryName: 'Bangladesh', lat: 24.1, lon: 90.2 } },
  others: {
    'Awami League': 'Awami League',
    'Chhatra League': 'Chhatra League',
    'Jubo League': 'Jubo League',
    BNP: 'BNP',
  },
};

const main = (text: string) =>
  extractEvents(buildDoc(text, SPEC), lexicon, deaths, undefined, model, countries, notes, roles).events[0];

test('every group of the militias data is a group of the entity dictionary', () => {
  const known = new Set(loadDataFile('entities/groups.yaml', groupsSchema).groups.map((g) => g.canonical));
  for (const group of roles.militias!.ofGroup.keys()) assert.ok(known.has(group), `${group} is in groups.yaml`);
});

const cases: readonly { name: string; text: string; actor1: string; actor2?: string | null }[] = [
  {
    name: 'two parties clash: each is a side, in the order named',
    text: 'A man was shot dead and twelve people were injured in a gunfight between Awami League and BNP activists in Kusumganj on Monday.',
    actor1: AL,
    actor2: BNP,
  },
  {
    name: "two factions of one party: the party's militia on both sides",
    text: 'A man was shot dead and eight people were injured in a gunfight between two factions of Jubo League in Kusumganj on Monday.',
    actor1: AL,
    actor2: AL,
  },
  {
    name: 'party members who bomb a bus are the doers, the passengers civilians',
    text: 'Three passengers were injured as BNP militants hurled crude bombs at a bus in Kusumganj on Monday.',
    actor1: BNP,
    actor2: 'Civilians (Bangladesh)',
  },
  {
    name: 'the agent of a passive is the doer, the victim its own party is not',
    text: 'A Chhatra League activist was hacked to death by a group of BNP supporters in Kusumganj on Monday.',
    actor1: BNP,
  },
  {
    name: "attackers called the victim's party rivals: the victim's party",
    text: 'A local Jubo League leader was stabbed to death by party rivals in Kusumganj on Monday.',
    actor1: AL,
  },
  {
    name: 'unidentified attackers of a party member stay unidentified',
    text: 'A Jubo League activist was stabbed by unidentified assailants in Kusumganj on Monday.',
    actor1: 'Unidentified Armed Group (Bangladesh)',
  },
  {
    name: 'villagers of no party fighting over land: the village communal militia on both sides',
    text: 'A farmer was killed and nine people were injured in a clash between two groups of villagers over a land dispute at Dholpara village in Kusumganj on Monday.',
    actor1: 'Dholpara Communal Militia',
    actor2: 'Dholpara Communal Militia',
  },
  {
    name: 'with no village named, the place the clash was at',
    text: 'A man was killed in a clash between two rival groups over a water body at Char Moina in Kusumganj on Monday.',
    actor1: 'Char Moina Communal Militia',
    actor2: 'Char Moina Communal Militia',
  },
];

for (const c of cases)
  test(`militias: ${c.name}`, () => {
    const e = main(c.text);
    assert.equal(e?.actor1, c.actor1, c.name);
    if (c.actor2 !== undefined) assert.equal(e?.actor2, c.actor2, c.name);
  });

test("a party's building is no doer: the bombing keeps no party as its actor1", () => {
  const e = main(
    'A powerful bomb exploded near the Awami League office in Kusumganj on Monday night, injuring two passers-by.',
  );
  assert.equal(e?.eventType, 'Explosions/Remote violence');
  assert.doesNotMatch(e?.actor1 ?? '', /Militia/);
});

test('a protest by party members stays a protest by Protesters', () => {
  const e = main('Hundreds of BNP activists staged a protest in Kusumganj on Monday demanding fresh elections.');
  assert.equal(e?.eventType, 'Protests');
  assert.equal(e?.actor1, 'Protesters (Bangladesh)');
});
