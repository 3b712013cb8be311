/** Scenario tables against the bundled September 2016 arrangement (invented incidents). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadAgreement } from './agreement.js';
import { assess } from './assess.js';
import { judge } from './judge.js';
import { incident, PLACES, REBELS, RUSSIA, SYRIA, type EventSpec } from './scenario-helpers.js';
import type { Status } from './finding.js';

const ca = loadAgreement('syria-2016-09-arrangement');
const term = (id: string) => ca.agreement.terms.find((t) => t.id === id)!;

// [name, term id, event(s), expected status, text the explanation must contain]
const rows: [string, string, EventSpec | EventSpec[], Status, string][] = [
  [
    'Russian strike on Islamic State: outside the cessation',
    'cessation',
    { actor1: RUSSIA, actor2: 'IS: Islamic State', ...PLACES.palmyra },
    'not_covered',
    'not a target this term protects',
  ],
  [
    'Russian strike on Islamic State: permitted',
    'strikes-on-excluded-groups',
    { actor1: RUSSIA, actor2: 'IS: Islamic State', ...PLACES.palmyra },
    'permitted',
    'covered by permission',
  ],
  [
    'act by an excluded group binds no party',
    'cessation',
    {
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      actor1: 'Jabhat Fateh al Sham',
      actor2: SYRIA,
      ...PLACES.hama,
    },
    'not_covered',
    'excluded from the agreement',
  ],
  [
    'Syrian strike on JFS inside eastern Aleppo: still prohibited',
    'no-bombing-opposition-areas',
    { actor1: SYRIA, actor2: 'Jabhat Fateh al Sham', ...PLACES.shaar },
    'violation',
    'inside zone “Opposition-held eastern Aleppo city”',
  ],
  [
    'strike in the zone the day before',
    'no-bombing-opposition-areas',
    { actor1: SYRIA, ...PLACES.shaar, day: '2016-09-11' },
    'not_covered',
    'before the start',
  ],
  [
    'strike in the zone after the effective time',
    'no-bombing-opposition-areas',
    { actor1: SYRIA, ...PLACES.shaar, day: '2016-09-14' },
    'violation',
    'prohibited by term no-bombing-opposition-areas',
  ],
  [
    'strike on the effective day, hour unknown',
    'no-bombing-opposition-areas',
    { actor1: SYRIA, ...PLACES.shaar, day: '2016-09-12' },
    'possible_violation',
    'not known closely enough',
  ],
  [
    'week-precision date across the effective time',
    'no-bombing-opposition-areas',
    { actor1: SYRIA, ...PLACES.shaar, day: '2016-09-10', precision: 2 },
    'possible_violation',
    'time precision 2',
  ],
  [
    'unknown perpetrator of an air strike',
    'no-bombing-opposition-areas',
    { actor1: null, ...PLACES.shaar },
    'possible_violation',
    'could be Government of Syria and allied forces or Russian Federation',
  ],
  [
    'Unidentified Armed Group is nobody',
    'cessation',
    {
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      actor1: 'Unidentified Armed Group (Syria)',
      actor2: REBELS,
      ...PLACES.hama,
    },
    'possible_violation',
    'perpetrator unidentified',
  ],
  [
    'geo precision 3 at the zone edge',
    'no-bombing-opposition-areas',
    { actor1: SYRIA, ...PLACES.aleppoCentre },
    'possible_violation',
    'radius of doubt',
  ],
  [
    'geo precision 3 far from the zone (Deraa)',
    'no-bombing-opposition-areas',
    { actor1: SYRIA, location: 'Deraa', latitude: 32.62, longitude: 36.1, geo_precision: 3 },
    'not_covered',
    'outside zone “Opposition-held eastern Aleppo city”',
  ],
  [
    'geo precision 3 in the next province is still within the radius of doubt',
    'no-bombing-opposition-areas',
    { actor1: SYRIA, ...PLACES.idlib },
    'possible_violation',
    'within its 60 km radius of doubt',
  ],
  [
    'no coordinates',
    'no-bombing-opposition-areas',
    { actor1: SYRIA, location: 'eastern districts' },
    'possible_violation',
    'no coordinates',
  ],
  [
    'a claim one side makes and the other denies',
    'no-bombing-opposition-areas',
    [
      { actor1: SYRIA, ...PLACES.shaar, modality: 'claimed' },
      { actor1: SYRIA, ...PLACES.shaar, modality: 'denied' },
    ],
    'possible_violation',
    'claimed by one side and denied by the other',
  ],
  [
    'a planned strike is not an act',
    'no-bombing-opposition-areas',
    { actor1: SYRIA, ...PLACES.shaar, modality: 'planned' },
    'not_covered',
    'reported as planned',
  ],
  [
    'clash on Castello Road after the withdrawal deadline',
    'castello-withdrawal',
    {
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      actor1: SYRIA,
      actor2: REBELS,
      ...PLACES.castello,
      day: '2016-09-17',
    },
    'violation',
    'presence of',
  ],
  [
    'clash on Castello Road before the deadline',
    'castello-withdrawal',
    {
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      actor1: SYRIA,
      actor2: REBELS,
      ...PLACES.castello,
      day: '2016-09-14',
    },
    'not_covered',
    'before the start',
  ],
  [
    'convoy blocked (tagged)',
    'humanitarian-access',
    {
      event_type: 'Strategic developments',
      sub_event_type: 'Other',
      tags: ['humanitarian:convoy-blocked'],
      actor1: SYRIA,
      location: 'Aleppo',
      day: '2016-09-15',
    },
    'violation',
    'contrary to the obligation',
  ],
  [
    'convoy attacked, read from the evidence',
    'humanitarian-access',
    {
      event_type: 'Violence against civilians',
      sub_event_type: 'Attack',
      actor1: null,
      location: 'Urum al-Kubra',
      evidence: 'An aid convoy was struck near the town.',
      day: '2016-09-19',
    },
    'possible_violation',
    'perpetrator unidentified',
  ],
  [
    'strike with no target named may have hit an excluded group',
    'cessation',
    { actor1: RUSSIA, ...PLACES.hama },
    'possible_violation',
    'may be permitted by term strikes-on-excluded-groups',
  ],
  [
    'strike on rebels outside any special zone',
    'cessation',
    { actor1: RUSSIA, actor2: REBELS, ...PLACES.hama },
    'violation',
    'prohibited by term cessation',
  ],
  [
    'claimed self-defence only makes it possible',
    'cessation',
    {
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      actor1: REBELS,
      actor2: SYRIA,
      ...PLACES.hama,
      evidence: 'Rebels said they fired in self-defence after an army advance.',
    },
    'possible_violation',
    'may be permitted by term self-defence',
  ],
];

describe('September 2016 arrangement: scenarios', () => {
  for (const [name, termId, specs, expected, text] of rows) {
    it(name, () => {
      const f = judge(ca, term(termId), incident(name, specs));
      assert.equal(f.status, expected, f.explanation);
      assert.ok(f.explanation.includes(text), `"${text}" not in: ${f.explanation}`);
    });
  }

  it('a violation names the party, its guarantor, the event ids and the evidence', () => {
    const f = judge(
      ca,
      term('no-bombing-opposition-areas'),
      incident('i1', { actor1: SYRIA, ...PLACES.shaar, event_ids: ['SYR9001'] }),
    );
    assert.equal(f.party, 'syrian-government');
    assert.equal(f.answerable, 'russia');
    assert.deepEqual(f.event_ids, ['SYR9001']);
    assert.match(f.explanation, /evidence: "Warplanes struck the district\.", from Test Wire/);
  });

  it('withdrawal: breached with reported presence, none reported without', () => {
    const clash = incident('c', {
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      actor1: SYRIA,
      actor2: REBELS,
      ...PLACES.castello,
      day: '2016-09-17',
    });
    const withPresence = assess(ca, [clash], { from: '2016-09-12' as never, to: '2016-09-20' as never });
    assert.equal(withPresence.obligations.find((o) => o.term_id === 'castello-withdrawal')!.status, 'breached');
    const without = assess(ca, [], { from: '2016-09-12' as never, to: '2016-09-20' as never });
    const o = without.obligations.find((x) => x.term_id === 'castello-withdrawal')!;
    assert.equal(o.status, 'none_reported');
    assert.match(o.explanation, /absence of reports is not proof/);
    const early = assess(ca, [], { from: '2016-09-12' as never, to: '2016-09-14' as never });
    assert.equal(early.obligations.find((x) => x.term_id === 'castello-withdrawal')!.status, 'not_yet_due');
  });

  it('delivery: met when aid is reported in Aleppo within 7 days, else only possibly breached', () => {
    const aid = incident('aid', {
      event_type: 'Strategic developments',
      sub_event_type: 'Other',
      tags: ['humanitarian:convoy-delivered'],
      location: 'Aleppo',
      latitude: 36.2,
      longitude: 37.16,
      actor1: null,
      day: '2016-09-16',
    });
    const met = assess(ca, [aid], { from: '2016-09-12' as never, to: '2016-09-22' as never });
    assert.equal(met.obligations.find((o) => o.term_id === 'aleppo-delivery')!.status, 'met');
    const missed = assess(ca, [], { from: '2016-09-12' as never, to: '2016-09-22' as never });
    assert.equal(missed.obligations.find((o) => o.term_id === 'aleppo-delivery')!.status, 'possibly_breached');
    assert.ok(
      missed.findings.some(
        (f) => f.term_id === 'aleppo-delivery' && f.status === 'possible_violation' && f.incident_id === null,
      ),
    );
  });

  it('seven quiet days open the gate to the Joint Implementation Center', () => {
    const a = assess(ca, [], { from: '2016-09-12' as never, to: '2016-09-20' as never });
    const gate = a.phases.find((p) => p.phase_id === 'joint-implementation-center')!.gate!;
    assert.equal(gate.met_on, '2016-09-19'); // whole days 13..19: the 12th starts at 19:00
  });

  it('a violation on day six resets the run', () => {
    const strike = incident('d6', { actor1: SYRIA, ...PLACES.shaar, day: '2016-09-18' });
    const a = assess(ca, [strike], { from: '2016-09-12' as never, to: '2016-09-20' as never });
    const gate = a.phases.find((p) => p.phase_id === 'joint-implementation-center')!.gate!;
    assert.equal(gate.met_on, null);
    assert.match(gate.explanation, /last reset on 2016-09-18 \(syrian-government: 1 violation/);
    assert.equal(a.daily.find((d) => d.day === '2016-09-18')!.run, 0);
    assert.equal(a.daily.find((d) => d.day === '2016-09-18')!.parties['syrian-government']!.violations, 1);
    const later = assess(ca, [strike], { from: '2016-09-12' as never, to: '2016-09-26' as never });
    assert.equal(later.phases.find((p) => p.phase_id === 'joint-implementation-center')!.gate!.met_on, '2016-09-25');
  });

  it('one incident breaching two terms counts once per party per day', () => {
    const strike = incident('two', { actor1: SYRIA, actor2: REBELS, ...PLACES.shaar, day: '2016-09-15' });
    const a = assess(ca, [strike], { from: '2016-09-12' as never, to: '2016-09-16' as never });
    assert.ok(a.findings.filter((f) => f.incident_id === 'two' && f.status === 'violation').length >= 2);
    assert.equal(a.daily.find((d) => d.day === '2016-09-15')!.parties['syrian-government']!.violations, 1);
  });
});
