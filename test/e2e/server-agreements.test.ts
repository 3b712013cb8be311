/**
 * /api/agreements (list, get with zones as GeoJSON, validate, upload), an agreement's findings and
 * compliance board, one finding by id, and the server's active-agreement option, from the outside.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IsoDay } from '../../src/core/date.js';
import { loadIncidents } from '../../src/services/assess.service.js';
import { loadAgreement } from '../../src/terms/agreement.js';
import { assess } from '../../src/terms/assess.js';
import { as, startHarness, type Harness, type Session } from './server-harness.js';
import { AGREEMENT, GOVERNMENT, OPPOSITION, PROTECTED_SEEDS, PUBLIC_SEEDS, seed } from './read-fixtures.js';

let h: Harness;
const s = {} as Record<'monitor' | 'liaison', Session>;

// A small agreement of our own: one prohibition on strikes around Hama by the government.
const YAML = `id: hama-test-truce
title: A test truce around Hama
summary: Invented for the tests.
time_zone: Asia/Damascus
effective:
  from: 2016-09-12T19:00
sources:
  - { id: src, title: A source, publisher: Someone, date: 2016-09 }
parties:
  - id: gov
    name: Government
    actors: [{ pattern: '^Military Forces of Syria' }]
  - id: rebels
    name: Rebels
    actors: [{ pattern: '^Opposition Rebels' }]
zones:
  - { id: hama, name: Hama, kind: place, center: [36.75, 35.13], radius_m: 20000, basis: test }
terms:
  - id: no-attacks
    kind: prohibition
    title: No attacks around Hama
    text: No attacks.
    text_kind: paraphrase
    source: [{ ref: src }]
    binds: all
    acts: { event_types: [Battles] }
    where: { zones: [hama] }
`;

before(async () => {
  h = await startHarness();
  await seed(h.store, [...PUBLIC_SEEDS, ...PROTECTED_SEEDS]);
  s.monitor = await h.user('monitor@example.org', 'monitor');
  s.liaison = await h.user('liaison@example.org', 'liaison', GOVERNMENT);
});
after(() => h.close());

const get = (url: string, who: Session | null = s.monitor) => h.app.inject({ method: 'GET', url, headers: as(who) });
const post = (url: string, body: string, type: string, who: Session | null) =>
  h.app.inject({ method: 'POST', url, payload: body, headers: { ...as(who), 'content-type': type } });

describe('GET /api/agreements', () => {
  it('lists the active agreement first, then the others, with parties and phases', async () => {
    const body = (await get('/api/agreements', null)).json();
    assert.equal(body.activeId, AGREEMENT);
    assert.deepEqual(
      body.items.map((a: { id: string; active: boolean; origin: string }) => [a.id, a.active, a.origin]).slice(0, 2),
      [
        [AGREEMENT, true, 'bundled'],
        ['syria-2016-02-cessation', false, 'bundled'],
      ],
    );
    const active = body.items[0];
    assert.ok(active.parties.some((p: { id: string }) => p.id === GOVERNMENT));
    assert.ok(
      active.phases.some((p: { id: string; gate: unknown }) => p.id === 'joint-implementation-center' && p.gate),
    );
  });

  it('gives one agreement with its zones as a GeoJSON FeatureCollection', async () => {
    const a = (await get(`/api/agreements/${AGREEMENT}`, null)).json();
    assert.equal(a.zones.type, 'FeatureCollection');
    const zone = (id: string) => a.zones.features.find((f: { id: string }) => f.id === id);
    assert.equal(zone('opposition-held-aleppo').geometry.type, 'Polygon');
    assert.deepEqual(
      [zone('castello-road').geometry.type, zone('castello-road').properties.bufferM],
      ['LineString', 500],
    );
    assert.deepEqual([zone('aleppo-city').geometry.type, zone('aleppo-city').properties.radiusM], ['Point', 9000]);
    assert.deepEqual([zone('syria').geometry, zone('syria').properties.country], [null, 'Syria']);
    assert.ok(a.agreement.terms.some((t: { id: string }) => t.id === 'cessation'));
  });

  it('answers an unknown agreement with 404 E013 and a malformed id with 400', async () => {
    const r = await get('/api/agreements/no-such-truce');
    assert.deepEqual([r.statusCode, r.json().code], [404, 'E013']);
    assert.match(r.json().message, /"no-such-truce"/);
    assert.equal((await get('/api/agreements/..%2F..%2Fetc%2Fpasswd')).statusCode, 400);
    assert.equal((await get('/api/agreements/no-such-truce/findings')).statusCode, 404);
    assert.equal((await get('/api/agreements/no-such-truce/compliance')).statusCode, 404);
  });
});

describe('POST /api/agreements/validate', () => {
  it('is for signed-in users, checks the text and runs the examples, storing nothing', async () => {
    assert.equal((await post('/api/agreements/validate', YAML, 'application/yaml', null)).statusCode, 401);
    const ok = (await post('/api/agreements/validate', YAML, 'application/yaml', s.liaison)).json();
    assert.deepEqual([ok.valid, ok.problems, ok.agreement.id], [true, [], 'hama-test-truce']);
    assert.equal((await get('/api/agreements/hama-test-truce')).statusCode, 404);
  });

  // [what is wrong, text, content type, line, field, message]
  const BAD: [string, string, string, number | null, string | null, RegExp][] = [
    [
      'YAML syntax',
      YAML.replace('title: A test', 'title: [A test'),
      'text/yaml',
      3,
      null,
      /YAML syntax error at line \d+/,
    ],
    [
      'unknown party',
      YAML.replace('binds: all', 'binds: [army]'),
      'text/yaml',
      25,
      'terms.0.binds.0',
      /unknown party "army"/,
    ],
    [
      'bad sub-event type',
      YAML.replace('[Battles]', '[Fights]'),
      'text/yaml',
      26,
      'terms.0.acts.event_types.0',
      /Fights|Invalid/,
    ],
    [
      'JSON syntax',
      '{\n  "id": "x",\n  "title": oops\n}',
      'application/json',
      3,
      null,
      /JSON syntax error at line 3, column 12: Unexpected token/,
    ],
    ['JSON field', '{\n  "id": "Not An Id"\n}', 'application/json', 2, 'id', /line 2, field id: expected an id/],
    ['empty', ' ', 'text/plain', null, null, /empty/],
  ];
  for (const [what, text, type, line, field, message] of BAD)
    it(`names what is wrong: ${what}`, async () => {
      const r = await post('/api/agreements/validate', text, type, s.liaison);
      assert.equal(r.statusCode, 200, r.body);
      const [p] = r.json().problems;
      assert.equal(r.json().valid, false);
      assert.match(p.message, message);
      if (line !== null) assert.equal(p.line, line, p.message);
      assert.equal(p.field, field);
    });

  it('reports a term example judged otherwise than it expects', async () => {
    const text = YAML.replace(
      'where: { zones: [hama] }',
      `where: { zones: [hama] }
    examples:
      - { event_type: Battles, sub_event_type: Armed clash, actor1: 'Military Forces of Syria (2000-)', location: Aleppo, latitude: 36.2, longitude: 37.15, event_date: 2016-09-14, expect: violation }`,
    );
    const r = (await post('/api/agreements/validate', text, 'text/yaml', s.liaison)).json();
    assert.equal(r.valid, false);
    assert.deepEqual([r.examples.total, r.examples.failed[0].got], [1, 'not_covered']);
    assert.match(r.problems[0].message, /example 0 of term no-attacks expects violation/);
  });
});

describe('POST /api/agreements', () => {
  it('is for admins only', async () => {
    assert.equal((await post('/api/agreements', YAML, 'text/yaml', null)).statusCode, 401);
    assert.equal((await post('/api/agreements', YAML, 'text/yaml', s.monitor)).statusCode, 403);
  });

  it('refuses a malformed agreement with 422 E012 naming the line and field', async () => {
    const r = await post('/api/agreements', YAML.replace('binds: all', 'binds: [army]'), 'text/yaml', h.admin);
    assert.deepEqual([r.statusCode, r.json().code], [422, 'E012']);
    assert.match(r.json().message, /line 25, field terms\.0\.binds\.0: unknown party "army"/);
  });

  it('stores a valid one (YAML or JSON), audited; refuses a second upload unless replacing', async () => {
    const r = await post('/api/agreements', YAML, 'application/yaml', h.admin);
    assert.equal(r.statusCode, 201, r.body);
    assert.deepEqual([r.json().status, r.json().agreement.origin], ['created', 'uploaded']);
    const again = await post('/api/agreements', YAML, 'application/yaml', h.admin);
    assert.deepEqual([again.statusCode, again.json().code], [409, 'E024']);
    const replaced = await post(
      '/api/agreements?replace=true',
      YAML.replace('A test truce', 'The test truce'),
      'text/yaml',
      h.admin,
    );
    assert.deepEqual([replaced.statusCode, replaced.json().agreement.title], [200, 'The test truce around Hama']);
    const [entry] = await h.store.audit.list({ limit: 1 });
    assert.deepEqual([entry?.action, entry?.subject], ['agreement.replace', 'agreement:hama-test-truce']);
    const json = JSON.stringify({ ...JSON.parse(JSON.stringify(parseYamlLike())), id: 'hama-json-truce' });
    assert.equal((await post('/api/agreements', json, 'application/json', h.admin)).statusCode, 201);
    const ids = (await get('/api/agreements')).json().items.map((a: { id: string }) => a.id);
    assert.ok(ids.includes('hama-test-truce') && ids.includes('hama-json-truce'));
  });

  it('judges the incidents under an uploaded agreement', async () => {
    const f = (await get('/api/agreements/hama-test-truce/findings')).json();
    assert.deepEqual(
      f.items.map((x: { id: string; party: string; status: string }) => [x.id.replace(/\d+$/, 'N'), x.party, x.status]),
      [['hama-test-truce:no-attacks:N', 'rebels', 'violation']],
    );
  });

  it('refuses the id of a bundled agreement', async () => {
    const r = await post(
      '/api/agreements',
      YAML.replace('id: hama-test-truce', `id: ${AGREEMENT}`),
      'text/yaml',
      h.admin,
    );
    assert.deepEqual([r.statusCode, r.json().code], [409, 'E024']);
  });
});

/** The test agreement as a plain object (for the JSON upload). */
function parseYamlLike(): object {
  return {
    id: 'x',
    title: 'A JSON truce',
    summary: 'Invented for the tests.',
    time_zone: 'Asia/Damascus',
    effective: { from: '2016-09-12T19:00' },
    sources: [{ id: 'src', title: 'A source', publisher: 'Someone', date: '2016-09' }],
    parties: [{ id: 'gov', name: 'Government', actors: [{ pattern: '^Military Forces of Syria' }] }],
    terms: [
      {
        id: 'no-strikes',
        kind: 'prohibition',
        title: 'No strikes',
        text: 'No strikes.',
        text_kind: 'paraphrase',
        source: [{ ref: 'src' }],
        binds: 'all',
        acts: { sub_event_types: ['Air/drone strike'] },
      },
    ],
  };
}

describe('GET /api/agreements/:id/findings and /api/findings/:id', () => {
  const FINDINGS = `/api/agreements/${AGREEMENT}/findings`;

  it('lists findings newest first, not_covered left out, with ids, explanations and review states', async () => {
    const body = (await get(FINDINGS)).json();
    assert.ok(body.total > 0 && body.items.length === Math.min(body.total, 100));
    for (const f of body.items) {
      assert.match(f.id, new RegExp(`^${AGREEMENT}:${f.term}:(\\d+|e\\d+|term)$`));
      assert.notEqual(f.status, 'not_covered');
      assert.ok(f.explanation.length > 0);
    }
    const days = body.items.map((f: { day: string }) => f.day);
    assert.deepEqual(days, [...days].sort().reverse());
  });

  // [query, every item must satisfy]
  const FILTERS: [string, (f: Record<string, unknown>) => boolean][] = [
    [`party=${OPPOSITION}`, (f) => f.party === OPPOSITION || f.answerable === OPPOSITION],
    ['party=russia', (f) => f.answerable === 'russia'],
    ['term=cessation', (f) => f.term === 'cessation'],
    ['status=possible_violation', (f) => f.status === 'possible_violation'],
    ['status=not_covered&limit=5', (f) => f.status === 'not_covered'],
    ['from=2016-09-16&to=2016-09-16', (f) => f.day === '2016-09-16'],
  ];
  for (const [query, ok] of FILTERS)
    it(`filters: ${query}`, async () => {
      const body = (await get(`${FINDINGS}?${query}`)).json();
      assert.ok(body.items.length > 0, query);
      assert.ok(body.items.every(ok), query);
    });

  it('filters on review state and reads one finding by id', async () => {
    const [first] = (await get(`${FINDINGS}?term=cessation&party=${GOVERNMENT}`)).json().items;
    await h.store.review.setReview(
      { subjectKind: 'finding', subjectId: first.id, state: 'disputed', updatedBy: null, commentId: null },
      'machine',
    );
    const disputed = (await get(`${FINDINGS}?review=disputed`)).json();
    assert.deepEqual(
      disputed.items.map((f: { id: string }) => f.id),
      [first.id],
    );
    const one = (await get(`/api/findings/${first.id}`)).json();
    assert.deepEqual(
      [one.id, one.status, one.reviewState, one.explanation],
      [first.id, first.status, 'disputed', first.explanation],
    );
    for (const bad of [
      'nonsense',
      `${AGREEMENT}:no-such-term:1`,
      `${AGREEMENT}:cessation:999999`,
      `no-such:cessation:1`,
    ])
      assert.equal((await get(`/api/findings/${encodeURIComponent(bad)}`)).statusCode, 404, bad);
  });

  it('refuses bad filters naming them', async () => {
    for (const [query, message] of [
      ['status=guilty', /Invalid value for status/],
      ['term=no-such-term', /has no term "no-such-term"/],
      ['party=nobody', /has no party "nobody"/],
      ['from=2016-02-31', /Invalid value for from/],
    ] as const) {
      const r = await get(`${FINDINGS}?${query}`);
      assert.deepEqual([r.statusCode, r.json().code], [400, 'E007'], query);
      assert.match(r.json().message, message);
    }
  });
});

describe('GET /api/agreements/:id/compliance', () => {
  const COMPLIANCE = `/api/agreements/${AGREEMENT}/compliance`;

  it('counts per term and party as the findings do, with the timeline, streak and phase gates', async () => {
    const b = (await get(`${COMPLIANCE}?from=2016-09-12&to=2016-09-18`)).json();
    assert.deepEqual(b.period, { from: '2016-09-12', to: '2016-09-18' });
    // Those who see everything get what `truce assess` says of the same store and period.
    const period = { from: '2016-09-12' as IsoDay, to: '2016-09-18' as IsoDay };
    const cli = assess(loadAgreement(AGREEMENT), await loadIncidents(h.store), period);
    assert.deepEqual(b.headline, {
      violations: cli.headline.violations,
      possibleViolations: cli.headline.possible_violations,
      permitted: cli.headline.permitted,
      incidentsWithViolation: cli.headline.incidents_with_violation,
    });
    assert.deepEqual(
      b.phases.map((p: { gate: { explanation: string } | null }) => p.gate?.explanation ?? null),
      cli.phases.map((p) => p.gate?.explanation ?? null),
    );
    const findings = (
      await get(`/api/agreements/${AGREEMENT}/findings?from=2016-09-12&to=2016-09-18&limit=1000`)
    ).json();
    const cessation = b.terms.find((t: { id: string }) => t.id === 'cessation');
    const count = (party: string | null, status: string) =>
      findings.items.filter(
        (f: { term: string; party: string | null; status: string }) =>
          f.term === 'cessation' && f.party === party && f.status === status,
      ).length;
    assert.equal(cessation.parties[GOVERNMENT].violation, count(GOVERNMENT, 'violation'));
    assert.equal(cessation.parties[OPPOSITION].violation, count(OPPOSITION, 'violation'));
    assert.ok(cessation.latest.length > 0 && cessation.latest.every((f: { term: string }) => f.term === 'cessation'));
    assert.deepEqual(
      b.timeline.map((d: { day: string }) => d.day),
      ['2016-09-12', '2016-09-13', '2016-09-14', '2016-09-15', '2016-09-16', '2016-09-17', '2016-09-18'],
    );
    const d14 = b.timeline.find((d: { day: string }) => d.day === '2016-09-14');
    assert.deepEqual([d14.parties[GOVERNMENT].violations, d14.reduced, d14.run], [1, false, 0]);
    assert.deepEqual([b.streak.current, b.streak.longest, b.streak.maxViolationsPerPartyPerDay], [2, 2, 0]);
    const gate = b.phases.find((p: { id: string }) => p.id === 'joint-implementation-center').gate;
    assert.deepEqual([gate.consecutiveDays, gate.metOn], [7, null]);
    assert.match(gate.explanation, /not met/);
  });

  it('leaves out findings of an incident a monitor rejected, and says how many', async () => {
    const before = (await get(COMPLIANCE)).json();
    const hama = (await get('/api/incidents?near=35.13,36.75,10')).json().items[0];
    await h.store.review.setReview(
      { subjectKind: 'incident', subjectId: String(hama.id), state: 'rejected', updatedBy: null, commentId: null },
      'machine',
    );
    const after = (await get(COMPLIANCE)).json();
    assert.ok(after.excludedByReview > before.excludedByReview);
    assert.equal(
      after.headline.violations,
      before.headline.violations - (after.excludedByReview - before.excludedByReview),
    );
    const d15 = (b: typeof after) =>
      b.timeline.find((d: { day: string }) => d.day === '2016-09-15').parties[OPPOSITION].violations;
    assert.deepEqual([d15(before), d15(after)], [1, 0]);
  });
});

describe('the server option agreement', () => {
  it('makes another agreement the active one; an unknown one fails the start', async () => {
    const other = await startHarness({ agreement: 'syria-2016-02-cessation' });
    try {
      assert.equal(
        (await other.app.inject({ method: 'GET', url: '/api/agreements' })).json().activeId,
        'syria-2016-02-cessation',
      );
      assert.equal(
        (await other.app.inject({ method: 'GET', url: '/api/incidents' })).json().agreementId,
        'syria-2016-02-cessation',
      );
    } finally {
      await other.close();
    }
    await assert.rejects(startHarness({ agreement: 'no-such-truce' }), /E013|Agreement not found/);
  });
});
