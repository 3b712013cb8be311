// Actors, sub-types, place, date, merging and spans of whole events, on documents built by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadLexicon } from './lexicon.js';
import { createFatalityMatcher } from './fatalities.js';
import { createEventsStage, extractEvents } from './events.stage.js';
import { buildDoc, type DocSpec } from './testing.js';
import { WORLD } from './world.fixture.js';

const lexicon = loadLexicon();
const deaths = createFatalityMatcher(lexicon.cues);
const events = (text: string, spec = WORLD) => extractEvents(buildDoc(text, spec), lexicon, deaths).events;

type Row = [string, Record<string, unknown>, { todo?: string }?];
const rows: Row[] = [
  // territory: who took it decides the sub-type
  [
    'Government forces captured Jarablus from the rebels.',
    {
      subEventType: 'Government regains territory',
      actor1: 'Military Forces of Syria',
      actor2: 'Syrian opposition rebels',
    },
  ],
  [
    'The rebels recaptured Jarablus from government forces.',
    { subEventType: 'Non-state actor overtakes territory', actor1: 'Syrian opposition rebels' },
  ],
  [
    'Turkish-backed rebels drove Islamic State out of Jarablus.',
    {
      subEventType: 'Non-state actor overtakes territory',
      actor1: 'Turkish-backed Syrian rebels',
      actor2: 'Islamic State',
    },
  ],
  [
    'Jarablus was captured by Islamic State on Tuesday.',
    { subEventType: 'Non-state actor overtakes territory', actor1: 'Islamic State' },
  ],
  // fighting without a change of hands
  [
    'Government forces and the rebels clashed near Hama.',
    { subEventType: 'Armed clash', actor1: 'Military Forces of Syria', actor2: 'Syrian opposition rebels' },
  ],
  [
    'Heavy clashes between government forces and Islamic State raged in Homs.',
    { subEventType: 'Armed clash', actor1: 'Military Forces of Syria', actor2: 'Islamic State' },
  ],
  // allies: "X and their allies", "X and Y" on one side
  [
    'Government forces and Nusra Front fighters seized Hama.',
    { actor1: 'Military Forces of Syria', assocActor1: 'Jabhat Fatah al-Sham' },
  ],
  // air power: an ambiguous bombing is an air strike only with aircraft or an air-capable actor
  ['The rebels bombarded Aleppo on Monday.', { subEventType: 'Shelling/artillery/missile attack' }],
  ['Heavy bombardment by warplanes hit Idlib.', { subEventType: 'Air/drone strike' }],
  ['Russian forces bombed Idlib.', { subEventType: 'Air/drone strike' }],
  // victims
  [
    'Islamic State militants killed 8 civilians in Homs.',
    { eventType: 'Violence against civilians', actor2: 'Civilians (Syria)', fatalities: 8 },
  ],
  [
    'Government forces killed 20 Islamic State militants in Homs.',
    { eventType: 'Battles', subEventType: 'Armed clash', fatalities: 20 },
  ],
  // place: nearest precise place, relative directions, metonyms
  ['To the east of Aleppo, rebels captured Jarablus from Islamic State.', { location: 'Jarablus' }],
  ['Moscow said government forces shelled Homs.', { location: 'Homs' }],
  ['Government forces shelled the outskirts of Homs.', { location: 'Homs', geoPrecision: 2 }],
  // a vehicle's destination is not the place; a town a route is named after is only near it
  ['The rebels set fire to an Aleppo-bound bus in Homs.', { location: 'Homs', geoPrecision: 1 }],
  ['The rebels ambushed a convoy on the Aleppo-Homs highway near Hama.', { location: 'Hama', geoPrecision: 2 }],
  ['The rebels ambushed a convoy on the Hama-Aleppo Road in Idlib.', { location: 'Idlib', geoPrecision: 1 }],
  ['The rebels ambushed a convoy on the Aleppo-Homs highway.', { location: 'Aleppo', geoPrecision: 2 }],
  // date: stated, else the publication week
  ['Government forces shelled Homs on Friday.', { date: { first: '2016-09-02', last: '2016-09-02', precision: 1 } }],
  ['Government forces shelled Homs.', { date: { first: '2016-09-04', last: '2016-09-04', precision: 2 } }],
  [
    'Islamic State had seized Jarablus last month.',
    { background: true, date: { first: '2016-08-01', last: '2016-08-31', precision: 3 } },
  ],
  // victims decide the type: armed men killed is a battle, civilians an attack on civilians
  [
    'Islamic State militants killed 12 policemen in Baghdad.',
    { eventType: 'Battles', subEventType: 'Armed clash', actor1: 'Islamic State' },
  ],
  [
    'Islamic State militants killed 12 residents in Baghdad.',
    { eventType: 'Violence against civilians', actor2: 'Civilians (Iraq)' },
  ],
  [
    'A Taliban spokesman said its fighters had killed six soldiers in Kabul, a figure officials did not confirm.',
    {
      eventType: 'Battles',
      actor1: 'Taliban',
      actor2: 'Military Forces of Afghanistan',
      modality: 'claimed',
      background: false,
    },
  ],
  // bare force nouns act for the country of the report
  ['Police arrested four men in Kabul on Monday.', { subEventType: 'Arrests', actor1: 'Police Forces of Afghanistan' }],
  // a named place the gazetteer lacks; state media of a party make a claim
  ['Government forces recaptured the village of Tal Hamra on Monday.', { location: 'Tal Hamra' }],
  [
    'Government forces recaptured Jarablus on Monday, state news agency SANA said.',
    { subEventType: 'Government regains territory', modality: 'claimed', source: 'SANA' },
  ],
  // places the gazetteer lacks in field notes: "<Name> village/upazila/Bazar", "in <Name>" with a known country
  [
    'A shopkeeper was hacked to death in Kalinagar village on Monday.',
    { subEventType: 'Attack', actor1: 'Unidentified Armed Group', location: 'Kalinagar' },
  ],
  ['Teachers held a sit in at Kalinagar Bazar.', { subEventType: 'Peaceful protest', location: 'Kalinagar Bazar' }],
  // "a Shi'ite district" names no place: a field note's event without a location
  [
    "A bomb went off in a Shi'ite district on Monday.",
    { subEventType: 'Remote explosive/landmine/IED', location: null },
  ],
  [
    'Police in Kabul were on alert.\n\nHundreds of shopkeepers protested in Kalinagar.',
    { subEventType: 'Peaceful protest', location: 'Kalinagar', geoPrecision: 1 },
  ],
  // no place named: a toll places the event in the report's country; a trend with no toll is no event
  [
    "Ten people were killed, Yemen's health ministry said.",
    { actor1: 'Unidentified Armed Group (Yemen)', fatalities: 10, location: 'Yemen', geoPrecision: 3 },
  ],
  ["Protests have spread, Yemen's health ministry said.", { none: true }],
  ['Attacks on shops are increasing.', { none: true }],
  ['Protesters in Jarablus criticized the newly signed peace agreement.', { subEventType: 'Peaceful protest' }],
  // state forces firing on demonstrators: force against a protest, the crowd as actor1
  [
    'Police opened fire on the demonstrators in Jarablus, killing two.',
    {
      eventType: 'Protests',
      subEventType: 'Excessive force against protesters',
      actor1: 'Protesters (Syria)',
      actor2: 'Police Forces of Syria',
    },
  ],
  // a field note naming no place and no country still tells its event, without a location
  ['Hundreds of teachers protested against the new pay scale.', { subEventType: 'Peaceful protest', location: null }],
  [
    'Unknown gunmen shot dead a shopkeeper. The gunmen fled.',
    { subEventType: 'Attack', actor1: 'Unidentified Armed Group', location: null },
  ],
  // passive killings: by an unidentified group, unless another act in the sentence did it; "nobody" negates
  ['A grenade attack hit Kalinagar village and two people were killed.', { subEventType: 'Grenade' }],
  ['Rioters torched shops in Kalinagar village but nobody was killed.', { subEventType: 'Violent demonstration' }],
  ['Two guards were gunned down in Kalinagar village.', { actor1: 'Unidentified Armed Group', modality: 'asserted' }],
  // party supporters who clash riot
  [
    'Supporters of two rival parties clashed in Kalinagar village on Sunday.',
    { eventType: 'Riots', subEventType: 'Mob violence', actor1: 'Rioters' },
  ],
  // place descriptors are not targets; "X of Y" names the specific group
  [
    'Rebels shelled the government-held district of Homs on Monday.',
    { actor1: 'Syrian opposition rebels', actor2: null },
  ],
  ['Rebels of the Free Syrian Army shelled Homs.', { actor1: 'Free Syrian Army' }],
  // references to known events are not new events
  ['The United Nations condemned the bombing in Aleppo.', { none: true }],
  ['The Kabul attacks shocked the region.', { none: true }],
  ['The bombing in Baghdad on Monday killed 12 people.', { fatalities: 12 }],
  // histories, purposes, tallies, names and compounds are not events
  ['Kabul has seen attacks by militants before.', { none: true }],
  ['Islamic State used the chaos to seize Jarablus.', { modality: 'hypothetical' }],
  ['Russian air strikes have killed 300 civilians in Idlib since Moscow intervened.', { none: true }],
  ['Two bombings in Baghdad last year were blamed on Islamic State.', { modality: 'claimed', background: true }],
  ['Investors in Shell sold shares in Baghdad.', { none: true }],
  ['Islamic State held its battle lines near Homs.', { none: true }],
  [
    'Government forces, backed by Russian air strikes, recaptured Jarablus.',
    { subEventType: 'Government regains territory' },
  ],
  ['The rebels bought smart bombs in Homs.', { none: true }],
  ['Islamic State plotted attacks on Baghdad.', { modality: 'planned' }],
  ['Boko Haram gunmen seized three foreigners near Maiduguri.', { subEventType: 'Abduction/forced disappearance' }],
  ['Russian warplanes carried out 12 raids on Idlib.', { subEventType: 'Air/drone strike' }],
  ['Kurdish YPG fighters are also fighting Islamic State in Manbij.', { none: true }],
  // cumulative tolls are not events
  ['The war has killed more than 250,000 people in Syria.', { none: true }],
  ['Rebels have shelled Aleppo for nearly a year.', { none: true }],
  ['Fighting has escalated across the country.', { none: true }],
];

const SPEC: DocSpec = {
  ...WORLD,
  dates: {
    'on Friday': { first: '2016-09-02', last: '2016-09-02', precision: 1 },
    'On Friday': { first: '2016-09-02', last: '2016-09-02', precision: 1 },
    'last month': { first: '2016-08-01', last: '2016-08-31', precision: 3 },
    'on Tuesday': { first: '2016-08-30', last: '2016-08-30', precision: 1 },
    'on Monday': { first: '2016-08-29', last: '2016-08-29', precision: 1 },
  },
  actors: {
    ...WORLD.actors,
    Taliban: { name: 'Taliban', side: 'taliban' },
    'Russian warplanes': { name: 'Military Forces of Russia', side: 'russian-government', country: 'RU' },
    'the government': { name: 'Government of Syria', side: 'syrian-government', generic: true },
    'Free Syrian Army': { name: 'Free Syrian Army', side: 'syrian-opposition' },
  },
  others: { ...WORLD.others, SANA: 'SANA' },
};

for (const [text, expected, opts] of rows) {
  test(`event: ${text}`, { todo: opts?.todo }, () => {
    const found = events(text, SPEC);
    if (expected.none)
      return assert.deepEqual(
        found.map((e) => e.trigger.text),
        [],
      );
    assert.equal(
      found.length,
      1,
      `expected one event, got ${JSON.stringify(found.map((e) => [e.subEventType, e.trigger.text]))}`,
    );
    const e = found[0]!;
    const view: Record<string, unknown> = {
      ...e,
      location: e.location?.name ?? null,
      geoPrecision: e.location?.geoPrecision ?? null,
    };
    for (const [k, v] of Object.entries(expected)) assert.deepEqual(view[k], v, k);
  });
}

test('two sentences telling one event merge into one, evidence from the first', () => {
  const text =
    'Government forces recaptured Jarablus from the rebels, a monitor said.\n\nOn Friday, government forces recaptured Jarablus from the rebels after heavy fighting.';
  const found = events(text, SPEC).filter((e) => e.subEventType === 'Government regains territory');
  assert.equal(
    found.length,
    1,
    JSON.stringify(found.map((e) => [e.text, e.actor1, e.actor2, e.location?.name, e.date, e.modality])),
  );
  assert.ok(found[0]!.text.startsWith('Government forces recaptured Jarablus from the rebels, a monitor'));
  assert.equal(found[0]!.date?.precision, 1);
});

test("two acts in coordinated clauses are two events, and the second keeps the first one's date", () => {
  const text =
    'Islamic State militants attacked army positions near Hama on Tuesday night, and the army answered with artillery fire on the town.';
  const found = events(text, SPEC);
  assert.deepEqual(
    found.map((e) => [e.subEventType, e.actor1, e.date?.first]),
    [
      ['Armed clash', 'Islamic State', '2016-08-30'],
      ['Shelling/artillery/missile attack', 'Military Forces of Syria', '2016-08-30'],
    ],
  );
});

test('a denial covers its own clause; the accusation after it is a claim', () => {
  const found = events('The rebels denied shelling Homs and accused government forces of shelling Aleppo.', SPEC);
  const aleppo = found.find((e) => e.location?.name === 'Aleppo');
  assert.equal(aleppo?.modality, 'claimed');
  assert.equal(aleppo?.actor1, 'Military Forces of Syria');
  assert.ok(found.filter((e) => e.location?.name === 'Homs').every((e) => e.modality === 'denied'));
});

test('one side blaming another for an event makes the event its claim', () => {
  const text =
    'Shells hit a market in Homs on Monday, killing three civilians.\n\nGovernment forces blamed the rebels.';
  const doc = buildDoc(text, SPEC);
  const layer = extractEvents(doc, lexicon, deaths);
  assert.equal(layer.events.length, 1);
  const [e] = layer.events;
  assert.equal(e!.actor1, 'Syrian opposition rebels');
  assert.equal(e!.modality, 'claimed');
  assert.equal(e!.fatalities, 3);
  assert.ok(layer.warnings.some((w) => w.startsWith('W702')));
});

test('the stage declares its needs and reads only its layers', () => {
  const stage = createEventsStage(lexicon);
  assert.deepEqual(stage.needs, ['clean', 'sentences', 'entities', 'places', 'dates', 'quotes']);
  assert.equal(stage.run(buildDoc('Government forces shelled Homs.', WORLD)).events.length, 1);
});

const WORDS = [
  'Government forces',
  'rebels',
  'Islamic State',
  'shelled',
  'recaptured',
  'Homs',
  'Aleppo',
  'from',
  'the',
  'killing 5 people',
  'would',
  'air strikes',
  'hit',
  'in',
  ',',
  '.',
  'and',
  'clashed with',
  'near',
  'on Friday',
];
test('property: every span slices out its own text and lies in the body', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }), fc.boolean(), (words, breaks) => {
      const body = words.join(' ').replace(/ \. /g, breaks ? '.\n\n' : '. ');
      for (const e of events(body, SPEC)) {
        for (const s of [e, e.trigger, ...(e.location ? [e.location] : [])]) {
          assert.ok(s.start >= 0 && s.end <= body.length && s.start <= s.end);
          assert.equal(body.slice(s.start, s.end), s.text);
        }
        assert.ok(e.start <= e.trigger.start && e.trigger.end <= e.end);
        assert.ok(e.confidence >= 0 && e.confidence <= 1);
      }
    }),
    { numRuns: 200 },
  );
});

test('armed violence told over several sentences: the dead told later add up ("also killed")', () => {
  const added = events('Rebels attacked an army post in Homs, killing 4 soldiers. Two rebels were also killed.');
  assert.ok(added.length > 0, 'an event');
  assert.ok(
    added.every((e) => e.fatalities === 6),
    `the clash's dead on both sides: ${JSON.stringify(added.map((e) => e.fatalities))}`,
  );
  const untold = events('Rebels opened fire on an army post in Homs. Two soldiers were killed.');
  assert.ok(
    untold.length > 0 && untold.every((e) => e.fatalities === 2),
    `the paragraph's toll: ${JSON.stringify(untold.map((e) => e.fatalities))}`,
  );
});
