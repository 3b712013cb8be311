// The country of generic actors when no place resolved: from the text's names and words (invented notes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon } from './lexicon.js';
import { createFatalityMatcher } from './fatalities.js';
import { extractEvents } from './events.stage.js';
import { countrylessRole, inCountry } from './actor-country.js';
import { countryVotes, loadNoteCountryData, noteCountry } from './note-country.js';
import { loadCountryData } from '../entities/entity-country.js';
import { buildDoc, type DocSpec } from './testing.js';

const lexicon = loadLexicon();
const deaths = createFatalityMatcher(lexicon.cues);
const countries = loadCountryData();
const data = loadNoteCountryData(countries);
const country = (text: string) => noteCountry(text, text.toLowerCase(), [], data)?.name ?? null;

test('a province or a town the gazetteer knows in one country names it, even inside an organisation', () => {
  assert.equal(country('Members of the Rajasthan teachers union marched to the secretariat.'), 'India');
  assert.equal(country('Traders gathered outside the Peshawar Press Club.'), 'Pakistan');
});

test('a country name inside a party name and a demonym count; "pro-X" does not', () => {
  assert.equal(country('Workers of the Communist Party of Nepal held a rally.'), 'Nepal');
  assert.equal(country('Members of the Indian medical association went on strike.'), 'India');
  assert.deepEqual(countryVotes('Crowds chanted pro-Pakistan slogans.', '', [], data), []);
});

test('a name two countries share only adds to a country the text already points to', () => {
  // "Hyderabad" is in India and Pakistan: alone it names neither.
  assert.equal(country('Farmers protested outside the Hyderabad district office.'), null);
  assert.equal(country('Farmers from Sindh protested outside the Hyderabad district office.'), 'Pakistan');
});

test("words of one country's public life count (data/actors/country-cues.yaml); hyphenated names split", () => {
  assert.equal(country('Villagers staged a dharna outside the collectorate demanding water.'), 'India');
  assert.equal(country('Activists blocked the road in the upazila.'), 'Bangladesh');
  assert.equal(country('Youths blocked the Srinagar-Gulmarg road.'), 'India');
});

test('two countries with as many cues name neither; nothing names nothing', () => {
  assert.equal(country('Students from Rajasthan and Sindh met.'), null);
  assert.equal(country('Teachers protested against unpaid salaries.'), null);
});

test('countryless generic names and their ACLED form in a country', () => {
  const roles = new Set(['Protesters', 'Police Forces', 'Rioters', 'Government']);
  assert.equal(countrylessRole('Protesters', roles), 'Protesters');
  assert.equal(countrylessRole('Rioters (country unknown)', roles), 'Rioters');
  assert.equal(countrylessRole('Protesters (India)', roles), null);
  assert.equal(countrylessRole('Taliban', roles), null);
  assert.equal(inCountry('Police Forces', 'India'), 'Police Forces of India');
  assert.equal(inCountry('Government', 'Nepal'), 'Government of Nepal');
  assert.equal(inCountry('Protesters', 'Nepal'), 'Protesters (Nepal)');
});

test('the events stage names the protesters of a note with no place from its cues (W706)', () => {
  const text = 'Members of the Rajasthan teachers union protested against the transfer of 200 teachers.';
  const layer = extractEvents(buildDoc(text, {}), lexicon, deaths, undefined, null, countries, data);
  assert.equal(layer.events[0]?.actor1, 'Protesters (India)');
  assert.ok(layer.warnings.some((w) => w.startsWith('W706')));
  // Without the note data the name stays countryless, as before.
  const plain = extractEvents(buildDoc(text, {}), lexicon, deaths, undefined, null, countries, null);
  assert.equal(plain.events[0]?.actor1, 'Protesters');
});

test('a name shared with small towns abroad names the country of its large city; institution words never vote', () => {
  // "Delhi" is a capital region of India and a few small towns in North America.
  assert.equal(country('Teachers marched to the Delhi secretariat.'), 'India');
  // "Junction" and "Officer" are tiny towns somewhere, not cues.
  assert.deepEqual(
    countryVotes('Workers gathered at the Railway Junction near the Officer quarters.', '', [], data),
    [],
  );
});

test('a cue word is not read as a town of the same name abroad', () => {
  assert.equal(country('Members of the Kisan Sabha protested over crop prices.'), 'India');
});

test('bare "Maoists" are the party of the report`s country: India`s CPI (Maoist), a crowd in Nepal', () => {
  const maoists = (doc: ReturnType<typeof buildDoc>): ReturnType<typeof buildDoc> => {
    const at = doc.clean!.body.indexOf('Maoists');
    const entity = {
      start: at,
      end: at + 7,
      text: 'Maoists',
      type: 'group' as const,
      canonical: 'CPI (Maoist)',
      actor: { name: 'CPI (Maoist): Communist Party of India (Maoist)', side: null, country: 'IN', generic: false },
      via: 'dictionary' as const,
    };
    return { ...doc, entities: { entities: [entity], warnings: [] } };
  };
  const table: [text: string, places: NonNullable<DocSpec['places']>, actor1: string][] = [
    [
      'Maoists torched a vehicle in Dantewada.',
      { Dantewada: { country: 'IN', countryName: 'India', lat: 18.9, lon: 81.35 } },
      'CPI (Maoist): Communist Party of India (Maoist)',
    ],
    [
      'Maoists torched a vehicle in Kathmandu.',
      { Kathmandu: { country: 'NP', countryName: 'Nepal', lat: 27.7, lon: 85.32 } },
      'Rioters (Nepal)',
    ],
    // No place: the word alone leans to India (data/actors/country-cues.yaml), as before.
    ['Maoists torched a vehicle.', {}, 'CPI (Maoist): Communist Party of India (Maoist)'],
  ];
  for (const [text, places, actor1] of table) {
    const layer = extractEvents(maoists(buildDoc(text, { places })), lexicon, deaths, undefined, null, countries, data);
    assert.equal(layer.events[0]?.actor1, actor1, `${text}: actor1`);
  }
});

test("military aircraft with no nationality before them are the report's country's forces", () => {
  const places = { Tirah: { country: 'PK', countryName: 'Pakistan', lat: 33.8, lon: 70.7 } };
  for (const text of [
    'At dawn, military jet fighters pounded militant hideouts in Tirah.',
    'Fighter planes bombed militant hideouts in Tirah.',
    'Helicopter gunships targeted militant hideouts in Tirah.',
  ]) {
    const layer = extractEvents(buildDoc(text, { places }), lexicon, deaths, undefined, null, countries, data);
    assert.equal(layer.events[0]?.actor1, 'Military Forces of Pakistan', `${text}: actor1`);
  }
});

test('a short form in brackets after a name is that name, not another actor ("Frontier Corps (FC)")', () => {
  const text = 'Members of the Safety Corps (police) were killed in a blast in Tirah.';
  const places = { Tirah: { country: 'PK', countryName: 'Pakistan', lat: 33.8, lon: 70.7 } };
  const actors = { 'Safety Corps': { name: 'Safety Corps', country: 'PK' } };
  const layer = extractEvents(buildDoc(text, { places, actors }), lexicon, deaths, undefined, null, countries, data);
  const names = layer.events.flatMap((e) => [e.actor1, e.actor2]);
  assert.ok(!names.includes('Police Forces of Pakistan'), `the bracketed short form is no actor: ${names.join(', ')}`);
});
