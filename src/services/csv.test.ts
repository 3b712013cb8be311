import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField } from './csv.js';

test('csvField quotes what needs quoting and defuses formulas only when asked', () => {
  const rows: Array<[unknown, boolean, string]> = [
    [null, false, ''],
    [12, false, '12'],
    ['plain', false, 'plain'],
    ['a,b', false, '"a,b"'],
    ['say "no"', false, '"say ""no"""'],
    ['two\nlines', false, '"two\nlines"'],
    [' edge', false, '" edge"'],
    ['=HYPERLINK("x")', false, '"=HYPERLINK(""x"")"'],
    ['=HYPERLINK("x")', true, `"'=HYPERLINK(""x"")"`],
    ['-5 killed', true, "'-5 killed"],
    [-5, true, '-5'],
  ];
  for (const [value, defuseFormulas, expected] of rows)
    assert.equal(csvField(value, { defuseFormulas }), expected, String(value));
});
