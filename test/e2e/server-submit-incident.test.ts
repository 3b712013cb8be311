/**
 * A report submitted through the API is read, stored and joined into incidents in the same step,
 * like an ingested one: its incident is listed at once, and a monitors-only submission stays out of
 * the public's incidents.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { as, startHarness, type Harness, type Session } from './server-harness.js';

// Invented reports.
const SHELLING =
  'Shelling hits Kornfeld market\n\nGovernment forces shelled the market of Kornfeld near Aleppo on Tuesday, killing four civilians, a local monitoring group said.';
const CLASHES =
  'Clashes near Homs\n\nRebels and government forces clashed outside Homs on Wednesday, killing six fighters, a local monitoring group said.';

let h: Harness;
let monitor: Session;

before(async () => {
  h = await startHarness();
  monitor = await h.user('monitor@example.org', 'monitor');
});
after(async () => h?.close());

const incidents = async (who: Session | null) => {
  const r = await h.app.inject({ method: 'GET', url: '/api/incidents', headers: as(who) });
  assert.equal(r.statusCode, 200, r.body);
  return r.json().items as { id: number; eventType: string }[];
};

const submit = (payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: '/api/reports', headers: as(monitor), payload });

describe('POST /api/reports joins the report into incidents', () => {
  it('a public submission is an incident for everyone, with its creation audited', async () => {
    const r = await submit({ text: SHELLING, published: '2016-09-14', visibility: 'public' });
    assert.equal(r.statusCode, 201, r.body);
    const seen = await incidents(null);
    assert.equal(seen.length, 1);
    assert.match(seen[0]?.eventType ?? '', /Explosions/);
    const audit = await h.store.audit.list({ limit: 20 });
    assert.ok(audit.some((e) => e.action === 'incidents.corroborate'));
  });

  it('the same text again changes nothing', async () => {
    const r = await submit({ text: SHELLING, published: '2016-09-14', visibility: 'public' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal((await incidents(null)).length, 1);
  });

  it('a monitors-only submission is an incident for monitors, not for the public', async () => {
    const r = await submit({ text: CLASHES, published: '2016-09-15', visibility: 'monitors' });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal((await incidents(monitor)).length, 2);
    assert.equal((await incidents(null)).length, 1);
  });

  it('a report link that is not a web address is refused (E028) and nothing is stored', async () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x']) {
      const r = await submit({ text: `${CLASHES} ${url}`, url, published: '2016-09-15' });
      assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
      assert.equal(r.json().code, 'E028', url);
    }
    assert.equal((await incidents(monitor)).length, 2);
  });
});
