/** Agreement files: bundled ones load and pass their own examples; malformed ones fail with line and field. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TruceError } from '../core/errors.js';
import { bundledAgreementIds, loadAgreement, parseAgreementText } from './agreement.js';
import { runExamples } from './examples.js';
import { judge } from './judge.js';
import { incident, PLACES, REBELS, RUSSIA, SYRIA, type EventSpec } from './scenario-helpers.js';
import type { Status } from './finding.js';
import { agreementJsonSchema, JSON_SCHEMA_PATH } from './write-json-schema.js';
import { dataPath } from '../core/data-file.js';

describe('bundled agreements', () => {
  for (const id of [...bundledAgreementIds(), 'TEMPLATE']) {
    it(`${id}: every term passes its own examples`, () => {
      const ca = id === 'TEMPLATE' ? loadAgreement(dataPath('agreements', 'TEMPLATE.yaml')) : loadAgreement(id);
      const results = runExamples(ca);
      if (id !== 'TEMPLATE') assert.ok(results.length >= 5, 'each bundled agreement carries examples');
      for (const r of results) assert.equal(r.got, r.expected, `${r.term_id}#${r.index}: ${r.explanation}`);
    });
  }
  it('the published JSON Schema is up to date (npx tsx src/terms/write-json-schema.ts)', () => {
    assert.equal(readFileSync(JSON_SCHEMA_PATH, 'utf8'), agreementJsonSchema());
  });
  it('effective times are converted with the zone of the date (UTC+2 in February, UTC+3 in September 2016)', () => {
    assert.equal(
      new Date(loadAgreement('syria-2016-02-cessation').effectiveFrom).toISOString(),
      '2016-02-26T22:00:00.000Z',
    );
    assert.equal(
      new Date(loadAgreement('syria-2016-09-arrangement').effectiveFrom).toISOString(),
      '2016-09-12T16:00:00.000Z',
    );
  });
});

describe('February 2016 cessation: scenarios', () => {
  const ca = loadAgreement('syria-2016-02-cessation');
  const rows: [string, string, EventSpec, Status][] = [
    [
      'opposition shelling of the army',
      'opposition-cease-attacks',
      {
        sub_event_type: 'Shelling/artillery/missile attack',
        actor1: REBELS,
        actor2: SYRIA,
        ...PLACES.hama,
        day: '2016-03-01',
      },
      'violation',
    ],
    [
      'first minutes count: the effective day starts at 00:00',
      'government-cease-attacks',
      { actor1: RUSSIA, actor2: REBELS, ...PLACES.hama, day: '2016-02-27' },
      'violation',
    ],
    [
      'the day before',
      'government-cease-attacks',
      { actor1: RUSSIA, actor2: REBELS, ...PLACES.hama, day: '2016-02-26' },
      'not_covered',
    ],
    [
      'strike on the Nusra Front is permitted',
      'strikes-on-excluded-groups',
      { actor1: SYRIA, actor2: 'Jabhat Fateh al Sham', ...PLACES.hama, day: '2016-03-03' },
      'permitted',
    ],
    [
      'strike on the Nusra Front is no breach of the government term',
      'government-cease-attacks',
      { actor1: SYRIA, actor2: 'Jabhat Fateh al Sham', ...PLACES.hama, day: '2016-03-03' },
      'not_covered',
    ],
    [
      'strike with no target named',
      'government-cease-attacks',
      { actor1: SYRIA, ...PLACES.hama, day: '2016-03-03' },
      'possible_violation',
    ],
    [
      'month-precision date',
      'government-cease-attacks',
      { actor1: SYRIA, actor2: REBELS, ...PLACES.hama, day: '2016-02-01', precision: 3 },
      'possible_violation',
    ],
  ];
  for (const [name, termId, spec, expected] of rows)
    it(name, () => {
      const f = judge(
        ca,
        ca.agreement.terms.find((t) => t.id === termId)!,
        incident(name, spec),
      );
      assert.equal(f.status, expected, f.explanation);
    });
});

const VALID = `id: test-agreement
title: Test
summary: A test agreement.
time_zone: Asia/Damascus
effective:
  from: 2016-09-12T19:00
sources:
  - { id: src, title: A source, publisher: Someone, date: 2016-09 }
parties:
  - id: gov
    name: Government
    actors: [{ pattern: '^Military Forces of Syria' }]
zones:
  - { id: town, name: Town, kind: place, center: [37.1, 36.2], radius_m: 1000, basis: test }
terms:
  - id: t1
    kind: prohibition
    title: No strikes
    text: No strikes.
    text_kind: paraphrase
    source: [{ ref: src }]
    binds: [gov]
    acts: { sub_event_types: [Air/drone strike] }
    where: { zones: [town] }
`;

function errorOf(text: string): string {
  try {
    parseAgreementText(text, 'test.yaml');
  } catch (e) {
    assert.ok(e instanceof TruceError);
    assert.equal(e.code, 'E012_AGREEMENT');
    return e.message;
  }
  assert.fail('expected an error');
}

describe('malformed agreement files', () => {
  it('the valid base loads', () => assert.equal(parseAgreementText(VALID, 'test.yaml').agreement.terms.length, 1));
  // [what is wrong, replace this, with this, message must contain]
  const rows: [string, string, string, RegExp][] = [
    [
      'unknown party',
      'binds: [gov]',
      'binds: [rebels]',
      /line 22, field terms\.0\.binds\.0: unknown party "rebels" \(expected one of: gov\)/,
    ],
    ['unknown zone', 'zones: [town]', 'zones: [city]', /line 24, field terms\.0\.where\.zones\.0: unknown zone "city"/],
    [
      'bad time zone',
      'time_zone: Asia/Damascus',
      'time_zone: Mars/Olympus',
      /line 4, field time_zone: expected an IANA time zone/,
    ],
    [
      'bad local time',
      'from: 2016-09-12T19:00',
      'from: 12/09/2016',
      /line 6, field effective\.from: expected a local date-time/,
    ],
    [
      'unknown sub-event type',
      '[Air/drone strike]',
      '[Airstrike]',
      /line 23, field terms\.0\.acts\.sub_event_types\.0: unknown ACLED sub-event type "Airstrike"/,
    ],
    [
      'bad pattern',
      "pattern: '^Military Forces of Syria'",
      "pattern: '(unclosed'",
      /line 12, field parties\.0\.actors\.0\.pattern: invalid regular expression/,
    ],
    [
      'unknown source',
      'source: [{ ref: src }]',
      'source: [{ ref: elsewhere }]',
      /line 21, field terms\.0\.source\.0\.ref: unknown source "elsewhere"/,
    ],
    [
      'misspelt field',
      'text_kind: paraphrase',
      'text_kind: paraphrase\n    clause: extra',
      /line 16, field terms\.0: Unrecognized key: "clause"/,
    ],
    ['bad term kind', 'kind: prohibition', 'kind: ban', /field terms\.0\.kind: /],
    ['bad zone radius', 'radius_m: 1000', 'radius_m: -5', /line 14, field zones\.0\.radius_m: /],
    ['bad id', 'id: t1', 'id: Term 1', /line 16, field terms\.0\.id: expected an id of lower-case letters/],
    ['YAML syntax', 'binds: [gov]', 'binds: [gov', /YAML syntax error/], // the core loader gives no position for some syntax errors (BAD_INDENT),
  ];
  for (const [name, from, to, expected] of rows)
    it(name, () => {
      assert.ok(VALID.includes(from), `test setup: ${from}`);
      assert.match(errorOf(VALID.replace(from, to)), expected);
    });
  it('an unknown agreement id lists the bundled ones (E013)', () => {
    assert.throws(
      () => loadAgreement('no-such-agreement'),
      (e: TruceError) => e.code === 'E013_AGREEMENT_NOT_FOUND' && /syria-2016-09-arrangement/.test(e.message),
    );
  });
});
