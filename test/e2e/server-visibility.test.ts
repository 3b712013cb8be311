/**
 * Source protection from the outside: four reports (public, monitors-only, restricted to party A,
 * restricted to party B), each with its own secret word and actor, and every route asked by every
 * kind of viewer. A viewer must not learn of a report they may not see: not its text, not its id,
 * not a count, not a search hit, not one of its events.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { event, sample } from '../contract/fixtures.js';
import { as, startHarness, type Harness, type Session } from './server-harness.js';

type Key = 'public' | 'monitors' | 'partyA' | 'partyB';
const SECRET: Record<Key, string> = {
  public: 'Quillwort',
  monitors: 'Marblefin',
  partyA: 'Alderkite',
  partyB: 'Brambleowl',
};

let h: Harness;
const ids = {} as Record<Key, number>;
const viewers = {} as Record<'anonymous' | 'liaisonA' | 'liaisonB' | 'analyst' | 'monitor', Session | null>;

const expected: Record<keyof typeof viewers, Key[]> = {
  anonymous: ['public'],
  liaisonA: ['public', 'partyA'],
  liaisonB: ['public', 'partyB'],
  analyst: ['public', 'monitors'],
  monitor: ['public', 'monitors', 'partyA', 'partyB'],
};

before(async () => {
  h = await startHarness();
  const seed = async (key: Key, visibility: 'public' | 'monitors' | 'restricted', parties: string[]) => {
    const [report, analysis, events] = sample(`${SECRET[key]} report\nJets struck ${SECRET[key]} market in Aleppo.`, {
      events: [event({ actor1: `${SECRET[key]} Brigade`, evidence: `Jets struck ${SECRET[key]} market` })],
    });
    const put = await h.store.putReport({ ...report, visibility }, analysis, events);
    await h.store.access.shareReport(put.id, parties);
    ids[key] = put.id;
  };
  await seed('public', 'public', []);
  await seed('monitors', 'monitors', []);
  await seed('partyA', 'restricted', ['party-a']);
  await seed('partyB', 'restricted', ['party-b']);
  // An imported dataset row (no report) is public data.
  await h.store.putImportedEvents([
    {
      ...event({ actor1: 'Dataset Actor' }),
      provenance: { kind: 'import', dataset: 'acled', file: 'x.csv', row: 1, sourceId: 'SYR1' },
    },
  ]);
  viewers.anonymous = null;
  viewers.liaisonA = await h.user('a@example.org', 'liaison', 'party-a');
  viewers.liaisonB = await h.user('b@example.org', 'liaison', 'party-b');
  viewers.analyst = await h.user('analyst@example.org', 'analyst');
  viewers.monitor = await h.user('monitor@example.org', 'monitor');
});
after(() => h.close());

const get = (url: string, s: Session | null) => h.app.inject({ method: 'GET', url, headers: as(s) });
const hidden = (who: keyof typeof viewers) => (Object.keys(SECRET) as Key[]).filter((k) => !expected[who].includes(k));

for (const who of Object.keys(expected) as (keyof typeof viewers)[]) {
  describe(`visibility for ${who}`, () => {
    it('GET /api/reports lists exactly the visible reports, and counts only them', async () => {
      const r = await get('/api/reports?limit=100', viewers[who]);
      assert.equal(r.statusCode, 200);
      const body = r.json();
      assert.deepEqual(body.items.map((i: { id: number }) => i.id).sort(), expected[who].map((k) => ids[k]).sort());
      assert.equal(body.total, expected[who].length);
    });

    it('search finds visible reports and neither finds nor counts hidden ones', async () => {
      for (const key of Object.keys(SECRET) as Key[]) {
        const r = await get(`/api/reports?q=${SECRET[key]}`, viewers[who]);
        assert.equal(r.statusCode, 200);
        assert.equal(r.json().total, expected[who].includes(key) ? 1 : 0, `${who} searching ${key}`);
      }
    });

    it('GET /api/reports/:id answers a hidden report exactly like a missing one', async () => {
      const missing = await get('/api/reports/999999', viewers[who]);
      assert.equal(missing.statusCode, 404);
      for (const key of Object.keys(SECRET) as Key[]) {
        const r = await get(`/api/reports/${ids[key]}`, viewers[who]);
        if (expected[who].includes(key)) {
          assert.equal(r.statusCode, 200);
          assert.equal(r.json().analysis.events.length, 1);
        } else {
          assert.equal(r.statusCode, 404);
          assert.equal(r.json().code, missing.json().code);
          assert.equal(r.json().message, `Report ${ids[key]} not found`);
        }
      }
    });

    it('GET /api/events returns and counts only events of visible reports (plus public imports)', async () => {
      const r = await get('/api/events?limit=1000', viewers[who]);
      assert.equal(r.statusCode, 200);
      const body = r.json();
      const actors = body.items.map((e: { actor1: string }) => e.actor1).sort();
      assert.deepEqual(actors, ['Dataset Actor', ...expected[who].map((k) => `${SECRET[k]} Brigade`)].sort());
      assert.equal(body.total, expected[who].length + 1);
      for (const key of hidden(who)) {
        const byActor = (await get(`/api/events?actor=${SECRET[key]}`, viewers[who])).json();
        assert.equal(byActor.total, 0);
        const byReport = (await get(`/api/events?reportId=${ids[key]}`, viewers[who])).json();
        assert.deepEqual([byReport.total, byReport.items.length], [0, 0]);
      }
    });

    it('no response on any route carries a hidden secret word', async () => {
      const urls = [
        '/api/reports?limit=100',
        '/api/events?limit=1000',
        ...Object.values(ids).map((id) => `/api/reports/${id}`),
      ];
      for (const key of Object.keys(SECRET) as Key[])
        urls.push(`/api/reports?q=${SECRET[key]}`, `/api/events?actor=${SECRET[key]}`);
      const bodies = (await Promise.all(urls.map((u) => get(u, viewers[who])))).map((r) => r.body).join('\n');
      for (const key of hidden(who)) assert.ok(!bodies.includes(SECRET[key]), `${who} saw ${key}`);
    });

    it('GET /api/audit and /api/outbox are for admins only', async () => {
      for (const url of ['/api/audit', '/api/outbox']) {
        const r = await get(url, viewers[who]);
        assert.equal(r.statusCode, who === 'anonymous' ? 401 : 403);
      }
    });
  });
}

describe('who a report is shared with', () => {
  it('is shown to those who see everything, and to nobody else', async () => {
    const m = (await get(`/api/reports/${ids.partyA}`, viewers.monitor)).json();
    assert.deepEqual(m.sharedWith, ['party-a']);
    const a = (await get(`/api/reports/${ids.partyA}`, viewers.liaisonA)).json();
    assert.equal(a.sharedWith, undefined);
  });
});

describe('submission visibility follows the role', () => {
  it("a liaison's report is restricted to their party; the other party cannot see it", async () => {
    const text = 'Shelling hit the Sorrelwick quarter of Homs on Tuesday, residents said.';
    const r = await h.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: as(viewers.liaisonA),
      payload: { text, visibility: 'public' },
    });
    assert.equal(r.statusCode, 201, r.body);
    const id = r.json().id;
    assert.equal((await get(`/api/reports/${id}`, viewers.liaisonA)).json().visibility, 'restricted');
    assert.equal((await get(`/api/reports/${id}`, viewers.liaisonB)).statusCode, 404);
    assert.equal((await get(`/api/reports/${id}`, null)).statusCode, 404);
    assert.equal((await get(`/api/reports/${id}`, viewers.monitor)).statusCode, 200);
    assert.equal((await get('/api/reports?q=Sorrelwick', viewers.liaisonB)).json().total, 0);
  });

  it('an analyst may not restrict a report; a monitor must name parties to restrict one', async () => {
    const text = 'A convoy was stopped near Idlib on Wednesday.';
    const a = await h.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: as(viewers.analyst),
      payload: { text, visibility: 'restricted' },
    });
    assert.equal(a.statusCode, 403);
    const m = await h.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: as(viewers.monitor),
      payload: { text, visibility: 'restricted' },
    });
    assert.equal(m.statusCode, 400);
    assert.equal(m.json().code, 'E007');
  });

  it('the public cannot submit', async () => {
    const r = await h.app.inject({ method: 'POST', url: '/api/reports', payload: { text: 'Anything at all.' } });
    assert.equal(r.statusCode, 401);
  });
});
