// Modality decides whether a sentence tells an event: a deal's terms must never become events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Modality } from '../../core/taxonomy.js';
import { loadLexicon } from './lexicon.js';
import { createFatalityMatcher } from './fatalities.js';
import { extractEvents } from './events.stage.js';
import { lastWords } from './modality.js';
import { buildDoc } from './testing.js';
import { WORLD } from './world.fixture.js';

const lexicon = loadLexicon();
const deaths = createFatalityMatcher(lexicon.cues);
const modalities = (text: string): Modality[] =>
  extractEvents(buildDoc(text, WORLD), lexicon, deaths).events.map((e) => e.modality);

const rows: [string, Modality | 'none', { todo?: string }?][] = [
  // deal terms: hypothetical
  ['The draft deal would require government forces to stop shelling Homs.', 'hypothetical'],
  ['The agreement obliges Moscow to prevent government warplanes from bombing areas near Idlib.', 'hypothetical'],
  ['Under the plan, the army would pull back from roads around Aleppo.', 'hypothetical'],
  ['The proposal calls for the army to withdraw from Hama.', 'hypothetical'],
  ['The truce would allow convoys to reach Madaya.', 'hypothetical'],
  ['The ceasefire is aimed at stopping air strikes on Idlib.', 'hypothetical'],
  ['If the rebels attack Hama, the army could respond.', 'hypothetical'],
  ['Officials fear that rebels might attack Homs.', 'hypothetical'],
  // a purpose: hypothetical, unless the act before it is itself the protest that happened
  ['Teachers gathered outside the school in Kalinagar village to protest against the new pay scale.', 'asserted'],
  ['Teachers threatened to protest in Kalinagar village.', 'planned'],
  // "from" + a gerund is a purpose or a prevention; + an adjective ("adjoining") it only says where from.
  ['Police stopped the teachers from holding a protest in Kalinagar village.', 'hypothetical'],
  ['Teachers from adjoining villages protested in Kalinagar village.', 'asserted'],
  ['Teachers from neighbouring villages staged a sit-in at Kalinagar village.', 'asserted'],
  // "continue(d) to protest": the protest goes on, that day's protest (as "began to").
  ['Teachers continue to protest in Kalinagar village.', 'asserted'],
  ['Teachers continued to protest in Kalinagar village.', 'asserted'],
  // A crowd's attempt is its protest or riot, which happened; an armed attempt stays unreal.
  ['Teachers tried to march to the ministry in Kalinagar village.', 'asserted'],
  ['Teachers who tried to lay siege to the collectorate in Kalinagar village were detained.', 'asserted'],
  ['Rebels tried to storm Hama.', 'hypothetical'],
  // A trigger that is itself the past verb of the main clause after a comma: beyond the words before it.
  ['Angered by demands to close the school, teachers protested in Kalinagar village.', 'asserted'],
  ['To press their demands, teachers staged a rally in Kalinagar village.', 'asserted'],
  ['Teachers demanded that the school stay open, and threatened to hold a rally in Kalinagar village.', 'planned'],
  // planned
  ['The army will launch an offensive on Idlib next week.', 'planned'],
  ['Government forces plan to storm Aleppo.', 'planned'],
  ['Rebels threatened to attack Homs.', 'planned'],
  ['The army is expected to recapture Jarablus.', 'planned'],
  // negated
  ['The army did not shell Homs on Monday.', 'negated'],
  ['There were no air strikes on Idlib overnight.', 'negated'],
  ['The rebels failed to capture Hama.', 'negated'],
  // denied: a speech act, not something refused to someone ("were denied entry", "denied admission")
  ['The army denied that its forces shelled Homs.', 'denied'],
  ['The rebels denied they had attacked Hama.', 'denied'],
  ['After they were denied entry to the hall, teachers protested in Kalinagar village.', 'asserted'],
  ['Students denied admission by the college demonstrated in Kalinagar village.', 'asserted'],
  ['After the police denied them permission to march, teachers protested in Kalinagar village.', 'asserted'],
  // claimed: a party tells it
  ['The army said it shelled rebel positions in Homs.', 'claimed'],
  ['Rebels said they captured Jarablus from Islamic State.', 'claimed'],
  // asserted: a monitor or the agency tells it
  ['Government forces shelled Homs on Monday, the Syrian Observatory for Human Rights said.', 'asserted'],
  ['Government forces recaptured Jarablus from Islamic State.', 'asserted'],
  ['Rebels shelled Aleppo, according to the Observatory.', 'asserted'],
];

for (const [text, expected, opts] of rows) {
  test(`modality: ${text}`, { todo: opts?.todo }, () => {
    const found = modalities(text);
    if (expected === 'none') assert.deepEqual(found, []);
    else {
      assert.ok(found.length > 0, 'no event');
      assert.ok(
        found.every((m) => m === expected),
        `got ${found.join(',')}`,
      );
    }
  });
}

test('a claim inside a quote takes its speaker as source', () => {
  const text = 'The army shelled rebel positions in Homs, a military source said.';
  const doc = buildDoc(text, {
    ...WORLD,
    quotes: [{ text: 'The army shelled rebel positions in Homs', speaker: 'Military Forces of Syria' }],
  });
  const [event] = extractEvents(doc, lexicon, deaths).events;
  assert.equal(event?.source, 'Military Forces of Syria');
});

test('lastWords reads only the text from the n-th word from the end, with the same result as splitting all of it', () => {
  const old = (text: string, n: number) => text.trim().split(/\s+/).slice(-n).join(' ');
  const pieces = ['a', 'did', 'not', 'x', ' ', '  ', '\n', '\t', '\u000b', '\u00a0', '\u2003', '\u3000', '\ufeff'];
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...pieces, '\u180e', '\u200b', '\u2028', '𝐀', 'May'), { maxLength: 16 }),
      fc.integer({ min: 1, max: 5 }),
      (parts, n) => {
        const text = parts.join('');
        assert.equal(lastWords(text, n), old(text, n));
      },
    ),
    { numRuns: 3000 },
  );
});
