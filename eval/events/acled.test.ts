import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadOldTypes } from './acled.js';

describe('old ACLED event types', () => {
  const map = loadOldTypes();
  const rows: Array<[string, string[]]> = [
    ['Battle-No change of territory', ['Battles']],
    ['Battle-Government regains territory', ['Battles']],
    ['Battle-Non-state actors overtake territory', ['Battles']],
    ['Remote violence', ['Explosions/Remote violence']],
    ['Violence Against Civilians', ['Violence against civilians']],
    ['Riots/Protests', ['Protests', 'Riots']],
    ['Strategic development', ['Strategic developments']],
    ['Non-violent transfer of territory', ['Strategic developments']],
  ];
  for (const [old, now] of rows) it(old, () => assert.deepEqual(map.get(old.toLowerCase()), now));
});
