import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TruceError } from '../core/errors.js';
import { decodeReportBytes, firstInvalidUtf8, maxInputBytes, sniffMediaType } from './decode.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    assert.ok(err instanceof TruceError, `expected a TruceError, got ${String(err)}`);
    return err.code;
  }
}

test('decodeReportBytes refuses what is not a text report, naming the problem', () => {
  const rows: Array<[string, Uint8Array, string | null]> = [
    ['plain UTF-8', utf8('Shelling hit the town.'), null],
    ['empty', bytes(), 'E002_INPUT_EMPTY'],
    ['only whitespace', utf8(' \n\t\n'), 'E002_INPUT_EMPTY'],
    ['a PDF', utf8('%PDF-1.7 rest'), 'E004_INPUT_BINARY'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), 'E004_INPUT_BINARY'],
    ['NUL bytes', bytes(0x41, 0x00, 0x42), 'E004_INPUT_BINARY'],
    ['invalid UTF-8', bytes(0x41, 0x42, 0xc3, 0x28, 0x43), 'E005_INPUT_ENCODING'],
    ['lone continuation byte', bytes(0x41, 0x80), 'E005_INPUT_ENCODING'],
  ];
  for (const [name, input, expected] of rows)
    assert.equal(
      codeOf(() => decodeReportBytes(input, { what: name })),
      expected,
      name,
    );
});

test('the invalid UTF-8 error names the byte offset', () => {
  assert.throws(() => decodeReportBytes(bytes(0x41, 0x42, 0x43, 0xff, 0x44), { what: 'x.txt' }), /at byte 3/);
});

test('a named encoding decodes legacy text instead of failing', () => {
  assert.equal(decodeReportBytes(bytes(0x63, 0x61, 0x66, 0xe9), { what: 'x', encoding: 'latin1' }), 'café');
  assert.equal(
    codeOf(() => decodeReportBytes(utf8('x'), { what: 'x', encoding: 'klingon-8' })),
    'E011_UNKNOWN_ENCODING',
  );
});

test('UTF-8 and UTF-16 byte-order marks are honoured and stripped', () => {
  assert.equal(decodeReportBytes(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69), { what: 'x' }), 'hi');
  assert.equal(decodeReportBytes(bytes(0xff, 0xfe, 0x68, 0x00, 0x69, 0x00), { what: 'x' }), 'hi');
});

test('inputs above the limit are refused before decoding', () => {
  assert.equal(
    codeOf(() => decodeReportBytes(utf8('x'.repeat(101)), { what: 'x', maxBytes: 100 })),
    'E003_INPUT_TOO_LARGE',
  );
  assert.equal(maxInputBytes({ TRUCE_MAX_INPUT_BYTES: '2048' }), 2048);
  assert.equal(maxInputBytes({ TRUCE_MAX_INPUT_BYTES: 'lots' }), 10 * 1024 * 1024);
});

test('sniffMediaType tells HTML from plain text', () => {
  const rows: Array<[string, string | undefined, string]> = [
    ['<!DOCTYPE html><html></html>', undefined, 'text/html'],
    ['  <html lang="en">', undefined, 'text/html'],
    ['Headline\n\nBody <b>bold</b> text', undefined, 'text/plain'],
    ['plain words', 'page.htm', 'text/html'],
  ];
  for (const [text, name, expected] of rows) assert.equal(sniffMediaType(text, name), expected, text);
});

test('firstInvalidUtf8 finds where the first bad sequence starts', () => {
  const rows: Array<[number[], number]> = [
    [[0x61, 0x62], -1],
    [[0xc3, 0xa9], -1],
    [[0xf0, 0x9f, 0x99, 0x82], -1],
    [[0x61, 0xe9, 0x20], 1],
    [[0x61, 0xc3], 1],
    [[0xc0, 0xaf], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0x61, 0x62, 0x80], 2],
  ];
  for (const [input, expected] of rows)
    assert.equal(firstInvalidUtf8(Uint8Array.from(input)), expected, input.join(','));
});
