// ACLED's actor2 from the victims a sentence names (data/events/roles.yaml), on invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon } from './lexicon.js';
import { createFatalityMatcher } from './fatalities.js';
import { extractEvents } from './events.stage.js';
import { firstVictim, loadRoles } from './patients.js';
import { loadNoteCountryData } from './note-country.js';
import { loadCountryData } from '../entities/entity-country.js';
import { buildDoc } from './testing.js';
import { WORLD } from './world.fixture.js';

const lexicon = loadLexicon();
const deaths = createFatalityMatcher(lexicon.cues);
const roles = loadRoles();
const countries = loadCountryData();
const notes = loadNoteCountryData(countries);
const main = (text: string, spec = WORLD) =>
  extractEvents(buildDoc(text, spec), lexicon, deaths, undefined, null, countries, notes, roles).events[0];

test('victims after a casualty word or before a passive casualty verb are victims; doers are not', () => {
  const v = (s: string) => firstVictim(s, ['military', 'police', 'civilians'], roles);
  assert.equal(v('two soldiers were killed when a bomb hit their vehicle'), 'military');
  assert.equal(v('militants ambushed and killed three policemen'), 'police');
  assert.equal(v('a shell hit a house, killing a woman'), 'civilians');
  assert.equal(v('soldiers shelled the village'), null);
  assert.equal(v('the police said the attackers fled'), null);
});

test('soldiers hit by a bomb or an ambush are the military forces of the event country', () => {
  const bomb = main('Two soldiers were killed when a roadside bomb hit their vehicle near Manbij.');
  assert.equal(bomb?.actor2, 'Military Forces of Syria');
  const ambush = main('Islamic State militants ambushed and killed two soldiers near Manbij.');
  assert.equal(ambush?.actor1, 'Islamic State');
  assert.equal(ambush?.actor2, 'Military Forces of Syria');
});

test('a battle takes no civilians as its second side, and no victim of the actor1 own kind', () => {
  const e = main('Islamic State fighters attacked government forces near Manbij, killing two civilians.');
  assert.notEqual(e?.actor2, 'Civilians (Syria)');
  const own = main('Government forces shelled Manbij, killing two soldiers.');
  assert.notEqual(own?.actor2, 'Military Forces of Syria');
});

test("a protest's actor1 is its crowd: the named organiser is assoc_actor_1, a force facing it actor2", () => {
  const organised = main('Syrian opposition rebels staged a protest in Manbij against the siege.');
  assert.equal(organised?.eventType, 'Protests');
  assert.equal(organised?.actor1, 'Protesters (Syria)');
  assert.equal(organised?.assocActor1, 'Syrian opposition rebels');
});

test('the doer named in the act\'s noun ("X-planted") is actor1 when no perpetrator was found', () => {
  const e = main('Two soldiers were killed near Manbij when their vehicle hit an Islamic State-planted mine.');
  assert.equal(e?.actor1, 'Islamic State');
});

test('a crowd that wrecks, burns or stones is a riot (Rioters); one protesting against such acts is not', () => {
  const riot = main('Hundreds of students protested in Manbij and set three buses on fire.');
  assert.equal(riot?.eventType, 'Riots');
  assert.equal(riot?.subEventType, 'Violent demonstration');
  assert.equal(riot?.actor1, 'Rioters (Syria)');
  const stones = main('Traders demonstrated in Manbij and pelted stones at the market office.');
  assert.equal(stones?.actor1, 'Rioters (Syria)');
  const cause = main('Traders protested in Manbij against the vandalism of their shops.');
  assert.equal(cause?.actor1, 'Protesters (Syria)');
  const effigy = main('Teachers protested in Manbij and burnt an effigy of the governor.');
  assert.equal(effigy?.actor1, 'Protesters (Syria)');
  const calm = main('Workers rallied in Manbij; police were deployed to avert any clashes.');
  assert.equal(calm?.actor1, 'Protesters (Syria)');
});

test('a group that claimed the act or is named its suspect is the actor1 of an act with nobody named', () => {
  const claimed = main('Two soldiers were shot dead near Manbij. Islamic State claimed responsibility for the attack.');
  assert.equal(claimed?.actor1, 'Islamic State');
  const suspect = main(
    'A bomb exploded near a market in Manbij, killing three people. Islamic State is suspected to be behind it.',
  );
  assert.equal(suspect?.actor1, 'Islamic State');
});

test('a protest the police detained or dispersed is one with intervention; a clash of two crowds has Rioters on both sides', () => {
  const stopped = main('Teachers protested in Manbij over pay and were dispersed by police.');
  assert.equal(stopped?.subEventType, 'Protest with intervention');
  assert.equal(stopped?.actor2, 'Police Forces of Syria');
  const custody = main('Teachers protested in Manbij over pay and were taken into custody.');
  assert.equal(custody?.subEventType, 'Protest with intervention');
  assert.equal(custody?.actor2, 'Police Forces of Syria');
  const watched = main('Teachers protested in Manbij over pay. Police were deployed in the area.');
  assert.equal(watched?.subEventType, 'Peaceful protest');
  assert.equal(watched?.actor2, null);
  const mobs = main('A clash between two groups of villagers in Manbij left ten people injured.');
  assert.equal(mobs?.actor1, 'Rioters (Syria)');
  assert.equal(mobs?.actor2, 'Rioters (Syria)');
});

test('a peaceful protest has no second side, even when a force is named in it', () => {
  const e = main('Policemen held a protest in Manbij over unpaid salaries.');
  assert.equal(e?.subEventType, 'Peaceful protest');
  assert.equal(e?.actor2, null);
});

test('an arrest of a crowd its paragraph tells protesting is a protest with intervention', () => {
  const e = main('Police arrested 20 students who staged a sit-in in Manbij against fee hikes.');
  assert.equal(e?.eventType, 'Protests');
  assert.equal(e?.subEventType, 'Protest with intervention');
  assert.equal(e?.actor1, 'Protesters (Syria)');
  assert.equal(e?.actor2, 'Police Forces of Syria');
  const wreckers = main('Police arrested 15 people for ransacking a liquor shop in Manbij.');
  assert.equal(wreckers?.eventType, 'Riots');
  assert.equal(wreckers?.actor1, 'Rioters (Syria)');
  const plain = main('Police arrested two suspected smugglers in Manbij.');
  assert.equal(plain?.subEventType, 'Arrests');
});

test('a force whose members were killed is the target, not the doer, of an attack with nobody named', () => {
  const e = main('Three policemen were killed in an ambush near Manbij.');
  assert.equal(e?.actor2, 'Police Forces of Syria');
  assert.equal(e?.actor1, 'Unidentified Armed Group (Syria)');
  const doer = main('Police killed three militants in a gunfight near Manbij.');
  assert.equal(doer?.actor1, 'Police Forces of Syria');
});

test('rival party workers who clashed are Rioters on both sides; a person attacked by a mob is a civilian', () => {
  const clash = main('Workers of two rival parties clashed in Manbij, leaving five injured.');
  assert.equal(clash?.actor2, 'Rioters (Syria)');
  const named = main('Baath and Kurdish party workers clashed in Manbij, leaving five injured.');
  assert.equal(named?.actor2, 'Rioters (Syria)');
  const between = main('A minor poll-related clash took place between Baath and Kurdish party workers in Manbij.');
  assert.equal(between?.actor2, 'Rioters (Syria)');
  const police = main(
    'Clashes broke out between Kurdish party workers and the police in Manbij, leaving five injured.',
  );
  assert.notEqual(police?.actor2, 'Rioters (Syria)');
  const mob = main('A mob lynched a suspected thief in Manbij.');
  assert.equal(mob?.actor1, 'Rioters (Syria)');
  assert.equal(mob?.actor2, 'Civilians (Syria)');
});

test('one person named by a calling or a party is a civilian victim', () => {
  const v = (s: string) => firstVictim(s, ['military', 'police', 'civilians'], roles);
  assert.equal(v('gunmen shot dead a tribal elder'), 'civilians');
  assert.equal(v('1 religious scholar was killed by gunmen'), 'civilians');
  assert.equal(v('gunmen shot dead a police officer'), 'police');
  assert.equal(v('a suspected bomb hit a bus, killing 20 and injuring others'), 'civilians');
  assert.equal(v('2 killed in an air raid'), 'civilians');
  assert.equal(v('a bomb killed 1 afghan soldier'), 'military');
  assert.equal(v('a rickshaw-puller suffered burn injuries'), 'civilians');
});

test('property wrecked by people nobody names is mob violence by Rioters; a protest that clashed is a riot', () => {
  const wreck = main('Unidentified assailants torched a bus in Manbij.');
  assert.equal(wreck?.subEventType, 'Mob violence');
  assert.equal(wreck?.actor1, 'Rioters (Syria)');
  const clash = main('Teachers protested in Manbij over pay. Clashes erupted between the teachers and the police.');
  assert.equal(clash?.eventType, 'Riots');
  assert.equal(clash?.actor1, 'Rioters (Syria)');
  const tyres = main('Traders protested in Manbij and burnt tyres on the main road.');
  assert.equal(tyres?.actor1, 'Rioters (Syria)');
  const after = main('Teachers protested in Manbij following last week’s clashes at the school.');
  assert.equal(after?.eventType, 'Protests');
});

test('a group whose members were killed in an operation or by the police fought the state force', () => {
  const op = main('Six Islamic State militants were killed in a military operation near Manbij.');
  assert.equal(op?.actor1, 'Military Forces of Syria');
  assert.equal(op?.actor2, 'Islamic State');
  const police = main('Four Islamic State militants were killed in an encounter with police near Manbij.');
  assert.equal(police?.actor1, 'Police Forces of Syria');
  const attack = main('Islamic State militants attacked a village near Manbij, killing two civilians.');
  assert.equal(attack?.actor1, 'Islamic State');
});

test("a named group whose members the state's forces killed is the second side of their attack", () => {
  const table: [text: string, actor1: string, actor2: string | null][] = [
    [
      'Eight Islamic State militants were killed as Syrian government forces raided their hideout near Manbij.',
      'Military Forces of Syria',
      'Islamic State',
    ],
  ];
  for (const [text, actor1, actor2] of table) {
    const e = main(text);
    assert.equal(e?.actor1, actor1, `${text}: actor1`);
    assert.equal(e?.actor2 ?? null, actor2, `${text}: actor2`);
  }
});

test('the security forces a crowd faced are its police, unless the paragraph names an army', () => {
  const e = main(
    'Hundreds of students protested in Manbij and set three buses on fire. Security forces dispersed them with tear gas.',
  );
  assert.equal(e?.actor1, 'Rioters (Syria)', 'the crowd that burned buses is the riot actor');
  assert.equal(e?.actor2, 'Police Forces of Syria', 'security forces policing a crowd are coded as police');
});
