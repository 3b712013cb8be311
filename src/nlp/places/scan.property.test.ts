/**
 * The scanner skips the lookup of a span of two or more words when no gazetteer name opens with its
 * first word (`opensName`); that must never lose a candidate. Checked against a scanner that looks
 * every span up.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { readSentences } from '../sentences/sentences.stage.js';
import { tokenTexts } from '../sentences/token-text.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { createScanner, type Candidate, type DemonymHit } from './scan.js';

const gaz = loadGazetteer();
// The same gazetteer, but every span is looked up.
const everySpan: Gazetteer = {
  ...gaz,
  byName: { get: (key) => gaz.byName.get(key), opensName: () => true, similar: () => [] },
};

const PIECES = [
  ...['Deir ez-Zor', 'Deir', 'ez-Zor', 'Ras al-Ain', 'Al Bab', 'al-Bab', 'Bab al-Salama', 'Kafr Nabl', 'Tel Abyad'],
  ...['New York', 'New', 'York', 'Rio de Janeiro', 'Saint Petersburg', 'St. Louis', 'Sar-i Pul', 'Pul-e Khumri'],
  ...['Jammu and Kashmir', 'and', 'North Waziristan', 'North', 'South Sudan', 'Sudan', 'United States', 'U.S.'],
  ...["Syria's", 'Syrian', 'As', 'Al', 'El', 'Abu', 'San', 'Khan Sheikhoun', 'Maarat al-Numan', 'Nadir Shah Kot'],
  ...['eastern Aleppo', 'Aleppo', 'Idlib Province', 'Rakhine State', 'The', 'In', 'Press Club', 'Middle East'],
  ...['the', 'rebels', 'said', 'in', 'of', '-', ',', '.', '\n\n', 'Monday', 'Hama', 'Homs', 'Raqqa', 'Qamishli'],
];

// One sentences layer per body, read once: wink-nlp's tokens of a word can change after it has read
// the word before ("Syria's" is split on the first read and whole on later ones), and this test is
// about the scanner, not the tokenizer.
function scanAll(scanner: ReturnType<typeof createScanner>, body: string, layer: ReturnType<typeof readSentences>) {
  const known = tokenTexts(layer, body);
  const out: Candidate[] = [];
  const demonyms: DemonymHit[] = [];
  const unknown: Candidate[] = [];
  for (const s of layer.sentences) scanner(body, s, layer.tokens, known, out, demonyms, unknown);
  return { out, demonyms, unknown };
}

it('scanner: skipping spans no name opens with loses no candidate', () => {
  const fast = createScanner(gaz);
  const slow = createScanner(everySpan);
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }),
      fc.array(fc.constantFrom(' ', ' ', ' ', '', '-', ' - '), { minLength: 30, maxLength: 30 }),
      (pieces, gaps) => {
        const body = pieces.map((p, i) => p + gaps[i]!).join('');
        const layer = readSentences(body);
        assert.deepEqual(scanAll(fast, body, layer), scanAll(slow, body, layer));
      },
    ),
    { numRuns: 400 },
  );
});

it('gazetteer: a name of several words opens with each of its first words', () => {
  for (const name of ['deir zor', 'ras ain', 'new york', 'rio de janeiro', 'jammu and kashmir', 'north waziristan']) {
    assert.ok(gaz.byName.get(name), name);
    for (let space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', space + 1))
      assert.ok(gaz.byName.opensName(name.slice(0, space)), `${name}: ${name.slice(0, space)}`);
  }
  for (const word of ['zzqx', 'aleppoo', 'monday']) assert.equal(gaz.byName.opensName(word), false, word);
});
