import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { loadChromeRules, trimChrome, wordCount } from './chrome.js';

const rules = loadChromeRules();

// An invented article: every line is prose the trimmer must keep.
const ARTICLE = [
  'Shelling hit the eastern districts of Aleppo on Tuesday, residents said, a day after the truce began.',
  'The Syrian Observatory for Human Rights said at least four people were killed in the strikes.',
  'A convoy of twenty trucks was waiting at the crossing near Bab al-Hawa for permission to enter.',
];

function removedBy(units: string[]): Map<string, string> {
  return new Map(trimChrome(rules, units).removed.map((r) => [r.text, r.reason]));
}

function keptTexts(units: string[]): string[] {
  return trimChrome(rules, units).kept.map((k) => units[k.index]!.slice(k.from, k.to));
}

test('chrome: every rule removes its own example at the end of a page', () => {
  for (const rule of rules.all) {
    const units = [...ARTICLE, rule.example];
    const kept = keptTexts(units);
    assert.deepEqual(kept, ARTICLE, `${rule.id}: article kept`);
    const removed = trimChrome(rules, units).removed;
    assert.ok(
      removed.some((r) => r.reason === rule.reason && rule.example.includes(r.text)),
      `${rule.id}: removed with reason "${rule.reason}"`,
    );
  }
});

test('chrome: rules that apply anywhere also remove their example between article paragraphs', () => {
  for (const rule of rules.all.filter((r) => r.where === 'anywhere' && r.match === 'line')) {
    const units = [ARTICLE[0]!, rule.example, ARTICLE[1]!, ARTICLE[2]!];
    assert.deepEqual(keptTexts(units), ARTICLE, rule.id);
  }
});

test('chrome: lines listed under keep stay, even at the end of the page', () => {
  for (const rule of rules.all) {
    for (const line of rule.keep) {
      assert.ok(keptTexts([...ARTICLE, line]).includes(line), `${rule.id}: kept "${line}"`);
      assert.ok(keptTexts([ARTICLE[0]!, line, ARTICLE[1]!]).includes(line), `${rule.id}: kept mid-article "${line}"`);
    }
  }
});

test('chrome: a short line between two chrome lines goes with them; article prose never does', () => {
  const tail = [
    'Leave a Reply',
    'Get started with your account',
    'to keep your saved searches',
    'Sign up with email',
    'Powered by WordPress',
  ];
  const removed = removedBy([...ARTICLE, ...tail]);
  assert.equal(removed.get('to keep your saved searches'), 'chrome block');
  assert.deepEqual(keptTexts([...ARTICLE, ...tail]), ARTICLE);
});

test('chrome: trigger words inside article sentences do not remove them', () => {
  const rows: string[] = [
    'Sign up sheets for the evacuation buses were posted at the mosque, a local council member said on Monday.',
    'Read more than 40 pages of the agreement and you will find no word on the road north of Aleppo, the envoy said.',
    'Subscribe to the view that the truce is holding and you ignore the shelling of Daraya, one monitor said.',
    'Related fighting was reported near Idlib, where rebels said government aircraft struck a market.',
  ];
  for (const line of rows) {
    assert.deepEqual(keptTexts([ARTICLE[0]!, line, ARTICLE[1]!]), [ARTICLE[0]!, line, ARTICLE[1]!], line);
  }
});

test('chrome: fragment markers are cut from the ends of a line, the rest is kept', () => {
  const units = ['[ad_1] ' + ARTICLE[0]!, ARTICLE[1]!, ARTICLE[2]! + ' [ad_2]'];
  assert.deepEqual(keptTexts(units), ARTICLE);
  assert.deepEqual(
    trimChrome(rules, units).removed.map((r) => r.text),
    ['[ad_1]', '[ad_2]'],
  );
});

test('chrome: a related-links header takes the short story links after it', () => {
  const units = [...ARTICLE, 'You may also like', 'Rebels shell Latakia countryside', 'Aid reaches Moadamiya'];
  assert.deepEqual(keptTexts(units), ARTICLE);
  // ...but not when prose follows it.
  const prose = [...ARTICLE.slice(0, 1), 'Related', ...ARTICLE.slice(1)];
  assert.deepEqual(keptTexts(prose), ARTICLE);
});

test('chrome: a "Source" line is chrome only at the edge of the page', () => {
  assert.deepEqual(keptTexts([...ARTICLE, 'Source']), ARTICLE);
  assert.deepEqual(keptTexts([ARTICLE[0]!, 'Source', ARTICLE[1]!]), [ARTICLE[0]!, 'Source', ARTICLE[1]!]);
});

test('wordCount counts the runs of non-space characters /\\S+/g finds', () => {
  const pieces = [
    'a',
    'word',
    '.',
    ' ',
    '  ',
    '\t',
    '\n',
    '\r\n',
    '\u00a0',
    '\u2003',
    '\u3000',
    '\u200b',
    '\ufeff',
    '\u2028',
    'é',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      assert.equal(wordCount(text), text.match(/\S+/g)?.length ?? 0, JSON.stringify(text));
    }),
    { numRuns: 500 },
  );
});
