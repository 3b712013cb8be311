import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareToBaseline, pin, type Baseline } from './gate.js';
import type { TaskResult } from './task.js';

const baseline: Baseline = {
  margin: 0.005,
  measured: '2026-11-28',
  tasks: { t: { fingerprint: 'abc', floors: { f1: 0.5 } } },
};
const result = (f1: number, fingerprint = 'abc'): TaskResult => ({
  task: 't',
  title: '',
  fingerprint,
  rows: [],
  floors: { f1 },
  notes: [],
});
const run = (r: TaskResult, update = false, acceptLower = false) =>
  compareToBaseline(baseline, [r], { update, acceptLower }, '2026-11-29');

describe('quality gate', () => {
  it('passes within the noise margin', () => assert.equal(run(result(0.496)).failed, false));
  it('fails on a drop beyond the margin', () => assert.equal(run(result(0.49)).failed, true));
  it('refuses to lower a floor on --update without --accept-lower', () => {
    const o = run(result(0.49), true);
    assert.equal(o.failed, true);
    assert.equal(o.next, null);
  });
  it('lowers the floor with --update --accept-lower', () => {
    const o = run(result(0.49), true, true);
    assert.equal(o.failed, false);
    assert.equal(o.next?.tasks.t?.floors.f1, 0.49);
  });
  it('raises floors only with --update', () => {
    assert.equal(run(result(0.6)).next, null);
    assert.equal(run(result(0.6), true).next?.tasks.t?.floors.f1, 0.6);
  });
  it('keeps the old floor when a drop is within the margin', () => {
    assert.equal(run(result(0.498), true).next?.tasks.t?.floors.f1, 0.5);
  });
  it('fails when the data changed, until re-pinned', () => {
    assert.equal(run(result(0.5, 'def')).failed, true);
    assert.equal(run(result(0.5, 'def'), true).next?.tasks.t?.fingerprint, 'def');
  });
  it('pins rounded down to 4 decimals', () => assert.equal(pin(0.123456), 0.1234));
});
