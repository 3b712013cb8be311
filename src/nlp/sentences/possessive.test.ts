import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bodyOffset, splitGluedPossessives } from './possessive.js';

const known = new Set(["that's", "it's"]);
const inLexicon = (word: string) => known.has(word.toLowerCase());

test('possessive: a space goes before a glued "\'s" unless the word is in the lexicon', () => {
  const rows: Array<[string, string]> = [
    ["the army's, then", "the army 's, then"],
    ["Zorbania\u2019s- and ZORBANIA'S.", "Zorbania \u2019s- and ZORBANIA 'S."],
    ["O'Neill's)", "O'Neill 's)"],
    ["\u2018Zorbania's\u2019 and 'Kel's'", "\u2018Zorbania 's\u2019 and 'Kel 's'"],
    ["that's, it's.", "that's, it's."],
    ["the army's men", "the army's men"],
    ["'s, and ,'s.", "'s, and ,'s."],
    ['no apostrophe here', 'no apostrophe here'],
  ];
  for (const [body, text] of rows) assert.equal(splitGluedPossessives(body, inLexicon).text, text, body);
});

test('possessive: every character of the split text maps back to the same character of the body', () => {
  const piece = fc.constantFrom("'s", '\u2019s', "'S", ',', '.', '-', ' ', 'ab', 'X', "that's", '9', "'");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const body = pieces.join('');
      const split = splitGluedPossessives(body, inLexicon);
      assert.equal(split.text.length, body.length + split.inserted.length);
      // Walking the split text in order, each character that is not an inserted space maps to the
      // body offset holding the same character, and removing the inserted spaces gives the body back.
      const at = { k: 0 };
      let k = 0;
      let rebuilt = '';
      for (let i = 0; i < split.text.length; i++) {
        if (k < split.inserted.length && i === split.inserted[k]! + k) {
          assert.equal(split.text[i], ' ');
          k++;
          continue;
        }
        const b = bodyOffset(split, i, at);
        assert.equal(body[b], split.text[i]);
        rebuilt += split.text[i];
      }
      assert.equal(bodyOffset(split, split.text.length, at), body.length);
      assert.equal(rebuilt, body);
    }),
  );
});
