import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createCleanStage } from './clean.stage.js';
import { normalise } from './normalise.js';
import { BodyBuilder, bodyToRaw, mapVerbatim } from './offsets.js';

const stage = createCleanStage();
const cleanText = (raw: string) => stage.run({ input: { raw, mediaType: 'text/plain' } });

test('normalise: CRLF and lone CR become LF, a BOM goes, nothing else changes', () => {
  const raw = '\uFEFF“Truce”\r\nholds\rin Homs\n';
  const n = normalise(raw);
  assert.equal(n.text, '“Truce”\nholds\nin Homs\n');
  for (const s of n.map) assert.equal(raw.slice(s.raw, s.raw + s.length), n.text.slice(s.body, s.body + s.length));
});

test('bodyToRaw: inside a segment, between segments, out of range', () => {
  const offsets = [
    { body: 0, raw: 5, length: 4 },
    { body: 6, raw: 20, length: 3 },
  ];
  assert.equal(bodyToRaw(offsets, 0), 5);
  assert.equal(bodyToRaw(offsets, 3), 8);
  assert.equal(bodyToRaw(offsets, 4), null);
  assert.equal(bodyToRaw(offsets, 7), 21);
  assert.equal(bodyToRaw(offsets, 9), null);
  assert.equal(bodyToRaw([], 0), null);
});

test('plain text: the body of a CRLF report maps back exactly, chrome and headline excluded', () => {
  const raw =
    'Truce frays near Hama\r\n\r\nHAMA, Syria (Reuters) - Shelling resumed on Tuesday, residents said.\r\n\r\nA convoy waited at the edge of town.\r\n\r\nLeave a Reply\r\nPowered by WordPress\r\n';
  const c = cleanText(raw);
  assert.equal(c.headline, 'Truce frays near Hama');
  assert.equal(
    c.body,
    'HAMA, Syria (Reuters) - Shelling resumed on Tuesday, residents said.\n\nA convoy waited at the edge of town.',
  );
  assert.equal(c.dateline?.text, 'HAMA, Syria (Reuters) -');
  assert.deepEqual(
    c.removed.map((r) => r.reason),
    ['comment form', 'powered-by notice'],
  );
  const shelling = c.body.indexOf('Shelling');
  assert.equal(raw.slice(bodyToRaw(c.offsets, shelling)!, bodyToRaw(c.offsets, shelling)! + 8), 'Shelling');
});

test('mapVerbatim: maps pieces around markup the text does not contain', () => {
  const raw = '<p>Rebels &amp; troops met at <a href="/x">the crossing</a> on Monday.</p>';
  const text = 'Rebels & troops met at the crossing on Monday.';
  const b = new BodyBuilder();
  b.insert(text);
  mapVerbatim(b, text, 0, raw, 0);
  for (const s of b.segments) assert.equal(raw.slice(s.raw, s.raw + s.length), text.slice(s.body, s.body + s.length));
  assert.ok(b.segments.reduce((n, s) => n + s.length, 0) >= text.length - 10);
});

// Lines drawn from prose, chrome and blank lines, joined with any line ending.
const line = fc.oneof(
  fc.constantFrom(
    'Leave a Reply',
    'Powered by Example',
    '[ad_1]',
    'Sign up with email',
    '',
    '  ',
    'By Jane Doe',
    'DAMASCUS — Troops advanced.',
  ),
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    'Shelling hit the town on Monday, residents said, and the road was closed again.',
    'Truce talks resume in Geneva',
  ),
);
const report = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n')), { maxLength: 12 }),
  )
  .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.map(([l, eol]) => l + eol).join(''));

test('plain text: every offset segment slices out the same text in body and raw; segments are ordered', () => {
  fc.assert(
    fc.property(report, (raw) => {
      const c = cleanText(raw);
      let lastBody = 0;
      for (const s of c.offsets) {
        assert.ok(s.length > 0 && s.body >= lastBody);
        assert.equal(raw.slice(s.raw, s.raw + s.length), c.body.slice(s.body, s.body + s.length));
        lastBody = s.body + s.length;
      }
      if (c.dateline) assert.equal(c.body.slice(c.dateline.start, c.dateline.end), c.dateline.text);
    }),
    { numRuns: 500 },
  );
});

test('plain text: every non-separator body character is mapped (the text map is exact)', () => {
  fc.assert(
    fc.property(report, (raw) => {
      const c = cleanText(raw);
      for (let i = 0; i < c.body.length; i++) {
        if (c.body[i] === '\n') continue;
        assert.notEqual(bodyToRaw(c.offsets, i), null, `body[${i}] unmapped`);
      }
    }),
    { numRuns: 300 },
  );
});
