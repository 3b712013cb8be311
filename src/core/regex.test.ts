import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeRegExp, phraseAlternation } from './regex.js';

describe('core: regular expressions from data', () => {
  it('an escaped text matches itself and nothing wider', () => {
    for (const text of ['a.b', 'x*', '(K)', '[a-z]', 'c++', 'a|b', '^$', 'q?', '{2}', 'back\\slash']) {
      const re = new RegExp(`^${escapeRegExp(text)}$`);
      assert.ok(re.test(text), `${text} matches itself`);
    }
    assert.equal(new RegExp(`^${escapeRegExp('a.b')}$`).test('axb'), false, 'a dot is no wildcard');
  });

  it('a phrase alternation matches each phrase, its spaces as any white space', () => {
    const re = new RegExp(`^(?:${phraseAlternation(['union parishad', 'u.p.'])})$`, 'i');
    assert.ok(re.test('Union  Parishad'), 'a run of spaces');
    assert.ok(re.test('union\tparishad'), 'a tab');
    assert.ok(re.test('U.P.'), 'the dots taken literally');
    assert.equal(re.test('uxpx'), false, 'no wildcard dots');
    assert.equal(re.test('unionparishad'), false, 'the space is required');
  });
});
