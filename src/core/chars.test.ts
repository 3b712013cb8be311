import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSpace } from './chars.js';

test('isSpace answers as /\\s/ does for every UTF-16 code unit', () => {
  for (let c = 0; c <= 0xffff; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});
