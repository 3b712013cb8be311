import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { parseDataText } from './data-file.js';

const Schema = z.strictObject({ items: z.array(z.strictObject({ name: z.string(), size: z.number() })) });

test('data files: errors name the file, the line and the field', () => {
  const rows: Array<[string, RegExp]> = [
    [
      'items:\n  - name: a\n    size: 1\n  - name: b\n    size: big\n',
      /x\.yaml: line 5, field items\.1\.size: .*number/,
    ],
    ['items:\n  - name: a\n    size: 1\n    colour: red\n', /x\.yaml: line 2, field items\.0: .*colour/],
    ['items:\n  - name: a\n   size: 1\n', /x\.yaml: YAML syntax error at line \d+, column \d+/],
    ['items: [\n', /x\.yaml: YAML syntax error at line \d+, column \d+/],
  ];
  for (const [text, expected] of rows) assert.throws(() => parseDataText(text, Schema, 'x.yaml'), expected, text);
});

test('data files: a valid file parses to typed values', () => {
  assert.deepEqual(parseDataText('items:\n  - name: a\n    size: 1\n', Schema, 'x.yaml'), {
    items: [{ name: 'a', size: 1 }],
  });
});
