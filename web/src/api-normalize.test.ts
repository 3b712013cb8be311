import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  authorText,
  normalizeChanges,
  normalizeCompliance,
  normalizeDetail,
  normalizeList,
  normalizeNewToken,
  normalizeToken,
} from './api-normalize.js';

// Shapes as the API sends them (invented values).
const detail = {
  id: 7,
  date: { start: '2016-09-19', end: '2016-09-19', precision: 1 },
  eventType: 'Explosions/Remote violence',
  latitude: 36.2,
  longitude: 37.18,
  grade: 'corroborated',
  reviewState: 'machine',
  parties: ['russia'],
  review: { state: 'under_review', updatedAt: '2026-01-01T00:00:00Z' },
  events: [
    {
      id: 11,
      event_type: 'Explosions/Remote violence',
      provenance: { kind: 'report', reportId: 3, start: 0, end: 10 },
    },
  ],
  sources: [
    {
      eventId: 11,
      origin: 'report:3',
      sourceName: 'Wire A',
      report: { id: 3, headline: 'H', url: 'https://a.example/1' },
      span: { start: 0, end: 10 },
      sentence: 'Jets hit X.',
      modality: 'asserted',
    },
    {
      eventId: 12,
      origin: 'report:3',
      sourceName: 'Wire A',
      report: { id: 3 },
      span: { start: 40, end: 52 },
      sentence: 'Nine killed.',
    },
    {
      eventId: 13,
      origin: 'report:4 (copy of report:3)',
      sourceName: 'Wire B',
      report: { id: 4 },
      span: null,
      sentence: 'Jets hit X.',
    },
    { eventId: 14, origin: 'acled:SYR1', sourceName: 'acled', report: null, span: null, sentence: null },
  ],
  findings: [
    {
      id: 'a:cessation:7',
      term: 'cessation',
      termTitle: 'Cessation',
      party: 'russia',
      incidentId: 7,
      status: 'violation',
      explanation: 'because',
      reviewState: 'confirmed',
    },
  ],
};

describe('API answers as the views want them', () => {
  it('keeps ids as strings, takes the review state from review, and groups sources per report', () => {
    const d = normalizeDetail(detail);
    assert.equal(d.incident.id, '7');
    assert.equal(d.incident.reviewState, 'under_review');
    assert.equal(d.events[0]?.reportId, 3);
    assert.equal(d.sources.length, 3, 'two events of report 3 are one card');
    assert.deepEqual(d.sources[0]?.evidence, [
      { start: 0, end: 10, text: 'Jets hit X.' },
      { start: 40, end: 52, text: 'Nine killed.' },
    ]);
    assert.equal(d.sources[0]?.url, 'https://a.example/1');
    assert.equal(d.sources[1]?.copyOf, 'report:3');
    assert.equal(d.sources[2]?.reportId, null);
    assert.equal(d.findings[0]?.incidentId, '7');
    assert.equal(d.findings[0]?.reviewState, 'confirmed');
  });

  it('lists come as {items, total}, bare arrays, or nothing usable', () => {
    assert.deepEqual(normalizeList({ items: [1, 2], total: 9 }), { items: [1, 2], total: 9 });
    assert.deepEqual(normalizeList([1]), { items: [1], total: 1 });
    assert.deepEqual(normalizeList('oops'), { items: [], total: 0 });
  });

  it('flattens the compliance board into term x party counts and the latest breaches, newest first', () => {
    const c = normalizeCompliance({
      period: { from: '2016-09-12', to: '2016-09-30' },
      headline: { violations: 2, possibleViolations: 1, permitted: 0, incidentsWithViolation: 2 },
      terms: [
        {
          id: 't1',
          title: 'No bombing',
          kind: 'prohibition',
          parties: { russia: { violation: 2, possible_violation: 1, permitted: 0 } },
          latest: [
            { id: 'x:t1:1', term: 't1', status: 'violation', day: '2016-09-14', explanation: 'a' },
            { id: 'x:t1:2', term: 't1', status: 'possible_violation', day: '2016-09-20', explanation: 'b' },
          ],
        },
      ],
      timeline: [
        {
          day: '2016-09-14',
          parties: { russia: { incidents: 1, violations: 1, possible: 0 } },
          reduced: false,
          run: 0,
        },
      ],
      streak: { current: 3, longest: 5, lastReset: '2016-09-14', maxViolationsPerPartyPerDay: 0 },
      phases: [
        {
          id: 'p',
          name: 'Phase',
          starts: '2016-09-12 19:00 Asia/Damascus',
          gate: { consecutiveDays: 7, metOn: null, explanation: 'not yet' },
        },
      ],
    });
    assert.deepEqual(c.counts, [
      { term: 't1', title: 'No bombing', party: 'russia', violation: 2, possible_violation: 1, permitted: 0 },
    ]);
    assert.deepEqual(
      c.latest.map((f) => f.id),
      ['x:t1:2', 'x:t1:1'],
    );
    assert.equal(c.daily[0]?.parties.russia?.violations, 1);
    assert.deepEqual(c.streak, { current: 3, longest: 5, threshold: 0, lastReset: '2016-09-14' });
    assert.equal(c.phases[0]?.gate?.consecutiveDays, 7);
    assert.equal(c.headline?.incidentsWithViolation, 2);
  });

  it('says who did something as far as the viewer may know', () => {
    assert.equal(authorText({ id: 1, role: 'monitor', partyId: null, email: 'm@example.org' }), 'm@example.org');
    assert.equal(authorText({ id: 2, role: 'liaison', partyId: 'russia' }), 'liaison (russia)');
    assert.equal(authorText(null), null);
  });

  it('turns the changes since the last visit into lines, newest first', () => {
    const c = normalizeChanges({
      since: '2026-01-01T00:00:00Z',
      until: '2026-01-02T00:00:00Z',
      firstVisit: false,
      incidents: [
        {
          incidentId: 7,
          events: [
            {
              id: 1,
              eventType: 'Battles',
              subEventType: 'Armed clash',
              location: 'X',
              storedAt: '2026-01-01T10:00:00Z',
            },
          ],
          watches: [{ id: 1, kind: 'zone', label: 'Zone A' }],
        },
      ],
      reviews: [
        {
          incidentId: 7,
          subject: { kind: 'finding', id: 'x' },
          from: 'machine',
          to: 'under_review',
          at: '2026-01-01T12:00:00Z',
          by: { role: 'monitor', partyId: null },
        },
      ],
      comments: [{ incidentId: 7, id: 3, text: 'Look', at: '2026-01-01T11:00:00Z', by: null }],
      truncated: false,
    });
    assert.deepEqual(
      c.items.map((x) => [x.kind, x.incidentId, x.summary]),
      [
        ['review', '7', 'A finding moved from machine (not reviewed) to under review by monitor'],
        ['comment', '7', 'Someone commented: “Look”'],
        ['new events', '7', '1 new event: Armed clash in X (watching Zone A)'],
      ],
    );
    assert.equal(c.until, '2026-01-02T00:00:00Z');
  });
});

describe('API tokens', () => {
  it('a listed token: id as a string, what the server does not send as null', () => {
    const list = normalizeList(
      { items: [{ id: 4, name: 'ci', createdAt: '2026-11-28T12:00:00.000Z', revokedAt: null }, 'junk'] },
      normalizeToken,
    );
    assert.deepEqual(list.items, [
      {
        id: '4',
        name: 'ci',
        createdAt: '2026-11-28T12:00:00.000Z',
        revokedAt: null,
        expiresAt: null,
        lastUsedAt: null,
      },
      { id: '', name: '', createdAt: null, revokedAt: null, expiresAt: null, lastUsedAt: null },
    ]);
  });

  it("a listed token's expiry and last use, as the server sends them", () => {
    const t = normalizeToken({
      id: 7,
      name: 'nightly',
      createdAt: '2026-11-01T10:00:00.000Z',
      revokedAt: null,
      expiresAt: '2027-01-30T10:00:00.000Z',
      lastUsedAt: '2026-11-28T12:43:10.000Z',
    });
    assert.equal(t.expiresAt, '2027-01-30T10:00:00.000Z');
    assert.equal(t.lastUsedAt, '2026-11-28T12:43:10.000Z');
  });

  it('a created token must carry its secret', () => {
    const secret = `tok_${'a'.repeat(43)}`;
    assert.deepEqual(normalizeNewToken({ id: 5, name: 'ci', token: secret, note: 'Shown once' }), {
      id: '5',
      name: 'ci',
      token: secret,
      expiresAt: null,
    });
    assert.equal(
      normalizeNewToken({ id: 6, name: 'ci', token: secret, expiresAt: '2027-02-26T12:00:00.000Z' }).expiresAt,
      '2027-02-26T12:00:00.000Z',
    );
    assert.throws(() => normalizeNewToken({ id: 5, name: 'ci' }), /did not send the new token/);
  });
});
