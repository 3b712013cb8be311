/**
 * The dashboard in a real browser, on the demo's data: a monitor signs in, sees the incidents on
 * the map, moves the time window, opens an incident and confirms a finding (and the audit log has
 * it); each party's liaison officer sees the other party's restricted report nowhere; the admin's
 * one-time password must be replaced; no page logs an error. Screenshots of every main view at
 * laptop and phone size go to test-artifacts/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserHarness, ViewportName, Watched, Who } from './harness.js';

interface IncidentItem {
  readonly id: string;
  readonly location: string | null;
  readonly latitude: number | null;
  readonly date: { readonly start: string | null };
}

interface FindingItem {
  readonly id: string;
  readonly incidentId: number | string;
  readonly status: string;
}

let h: BrowserHarness;
const opened: Watched[] = [];

async function open(viewport: ViewportName, who?: Who): Promise<Watched> {
  const w = await h.open(viewport, who);
  opened.push(w);
  return w;
}

/** The incidents an account may see, as the API lists them (ids as the page writes them). */
async function incidentsOf(who: Who): Promise<IncidentItem[]> {
  const api = await h.api(who);
  const r = await api('GET', '/api/incidents?limit=500');
  assert.equal(r.status, 200, r.body);
  return (r.json() as { items: (IncidentItem & { id: number })[] }).items.map((i) => ({ ...i, id: String(i.id) }));
}

const listIds = async (w: Watched): Promise<string[]> =>
  w.page
    .getByTestId('incident-list-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-incident-id') ?? ''));

/** The restricted example of each party names a place no other report does. */
const PLACE_OF = { liaisonGov: /Eastern Ghouta/, liaisonOpp: /Kafr Takharim/ } as const;

/** Waits until every map on the page has drawn its base (Natural Earth or tiles), not just asked for it. */
async function baseDrawn(w: Watched): Promise<void> {
  await w.page.locator('.leaflet-container').first().waitFor();
  await w.page.waitForFunction(() =>
    [...document.querySelectorAll('.leaflet-container')].every((m) => m.hasAttribute('data-base')),
  );
}

type Rect = { x: number; y: number; width: number; height: number };
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The boxes of the visible elements a locator finds. */
async function visibleBoxes(w: Watched, selector: string): Promise<(Rect & { text: string })[]> {
  return w.page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => !(e as HTMLElement).hidden && (e as HTMLElement).offsetWidth > 0)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? '' };
      }),
  );
}

/** The suite, on a harness started by browser.test.ts (one service and one browser for every suite). */
export function dashboardSuite(harness: () => BrowserHarness): void {
  describe('dashboard', () => {
    after(async () => {
      for (const w of opened) await w.context.close().catch(() => undefined);
    });
    before(() => {
      h = harness();
    });

    it('signs a monitor in and shows the demo incidents on the map and in the list', async () => {
      const w = await open('laptop');
      await w.page.goto('/#/login');
      await w.page.getByTestId('login-form').waitFor();
      await h.screenshot(w.page, 'login-laptop');
      await h.login(w, 'monitor');
      await w.page.goto('/#/');
      const all = await incidentsOf('monitor');
      // The demo's own story: Syria under the September 2016 arrangement.
      const truce = all.filter((i) => (i.date.start ?? '').startsWith('2016-09'));
      assert.ok(truce.length >= 12, `the demo has ${truce.length} incidents in September 2016`);
      await w.page.getByTestId('incident-list-item').first().waitFor();
      const shown = await listIds(w);
      for (const i of truce) assert.ok(shown.includes(i.id), `incident ${i.id} (${i.location}) is listed`);
      const known = new Set(all.map((i) => i.id));
      for (const id of shown) assert.ok(known.has(id), `listed ${id} is one the API gives the monitor`);
      const placed = all.filter((i) => shown.includes(i.id) && i.latitude !== null).length;
      await w.page
        .locator('path.incident-marker')
        .nth(placed - 1)
        .waitFor({ state: 'attached' });
      assert.equal(await w.page.locator('path.incident-marker').count(), placed, 'one marker per placed incident');
      assert.deepEqual(w.problems, []);
    });

    it('the admin signs in with the one-time password and must choose a new one', async () => {
      const w = await open('laptop');
      await w.page.goto('/#/login');
      await w.page.getByTestId('login-email').fill(h.accounts.admin.email);
      await w.page.getByTestId('login-password').fill(h.accounts.admin.password);
      await w.page.getByTestId('login-submit').click();
      await w.page.getByTestId('change-password-form').waitFor();
      const next = 'a new password of our own';
      await w.page.getByTestId('new-password').fill(next);
      await w.page.getByTestId('new-password-again').fill(next);
      await w.page.getByTestId('change-password-submit').click();
      await w.page.getByTestId('signed-in-as').waitFor();
      const admin = await h.store.accounts.getUserByEmail(h.accounts.admin.email);
      assert.equal(admin?.mustChangePassword, false);
      assert.deepEqual(w.problems, []);
    });

    it('moves the time window: the URL keeps it and the list follows', async () => {
      const all = await incidentsOf('monitor');
      const w = await open('laptop', 'monitor');
      await w.page.goto('/#/?win=7d&to=2016-09-19');
      await w.page
        .getByTestId('time-range')
        .filter({ hasText: /Sep 2016 – 19 Sep 2016/ })
        .waitFor();
      await w.page.getByTestId('incident-list-item').first().waitFor();
      const ended = new Set(
        all.filter((i) => i.date.start && i.date.start.slice(0, 10) <= '2016-09-19').map((i) => i.id),
      );
      const shown = await listIds(w);
      assert.ok(shown.length > 0 && shown.length < all.length, `${shown.length} of ${all.length} in the window`);
      for (const id of shown) assert.ok(ended.has(id), `${id} begins after the window's end`);

      const before = await w.page.getByTestId('time-range').textContent();
      await w.page.getByTestId('time-slider').focus();
      for (let i = 0; i < 3; i++) await w.page.keyboard.press('ArrowLeft');
      await w.page.waitForFunction(() => /to=2016-09-16/.test(location.hash));
      assert.notEqual(await w.page.getByTestId('time-range').textContent(), before);

      await w.page.getByTestId('window-all').click();
      await w.page.waitForFunction(() => !/win=/.test(location.hash));
      assert.deepEqual(w.problems, []);
    });

    it('opens an incident from the list, with its sources and highlighted evidence', async () => {
      const aleppo = (await incidentsOf('monitor')).find((i) => /Aleppo/.test(i.location ?? ''));
      assert.ok(aleppo, 'an incident in Aleppo');
      const w = await open('laptop', 'monitor');
      await w.page.goto('/#/?win=30d&to=2016-09-22');
      await w.page.locator(`[data-testid="incident-list-item"][data-incident-id="${aleppo.id}"]`).click();
      await w.page.getByTestId('incident-page').waitFor();
      assert.match(w.page.url(), new RegExp(`#/incidents/${aleppo.id}$`));
      await w.page.getByTestId('source').first().waitFor();
      assert.ok((await w.page.getByTestId('evidence-mark').count()) >= 1, 'the evidence sentence is highlighted');
      assert.deepEqual(w.problems, []);
    });

    it('a monitor confirms a finding; the page shows it and the audit log records each move', async () => {
      const api = await h.api('monitor');
      const r = await api('GET', '/api/agreements/syria-2016-09-arrangement/findings?limit=500');
      assert.equal(r.status, 200, r.body);
      const finding = (r.json() as { items: FindingItem[] }).items.find((f) => f.status === 'violation');
      assert.ok(finding, 'the demo has a violation');
      const auditBefore = Math.max(0, ...(await h.store.audit.list({ limit: 10_000 })).map((e) => e.id));

      const w = await open('laptop', 'monitor');
      await w.page.goto(`/#/incidents/${encodeURIComponent(String(finding.incidentId))}`);
      const card = w.page.locator(`[data-testid="finding"][data-finding-id="${finding.id}"]`);
      for (const [move, comment, state] of [
        ['under_review', 'Checking the two sources.', /under review/i],
        ['confirmed', 'Both sources place the strike inside the zone.', /confirmed/i],
      ] as const) {
        await card.getByTestId(`finding-review-${move}`).click();
        await card.getByTestId('review-comment').fill(comment);
        await card.getByTestId('review-submit').click();
        await card.getByTestId('review-state').filter({ hasText: state }).waitFor();
      }

      const monitor = await h.store.accounts.getUserByEmail(h.accounts.monitor.email);
      const moves = (await h.store.audit.list({ limit: 10_000 }))
        .filter((e) => e.id > auditBefore && e.subject === `finding:${finding.id}`)
        .sort((x, y) => x.id - y.id);
      assert.deepEqual(
        moves.map((e) => [e.actor, (e.after as { state?: string } | null)?.state]),
        [
          [`user:${monitor?.id}`, 'under_review'],
          [`user:${monitor?.id}`, 'confirmed'],
        ],
        'one audit entry per move, by the monitor',
      );
      assert.deepEqual(w.problems, []);
    });

    it("a liaison officer never sees the other party's restricted report", async () => {
      const monitorIds = new Set((await incidentsOf('monitor')).map((i) => i.id));
      const gov = new Set((await incidentsOf('liaisonGov')).map((i) => i.id));
      const opp = new Set((await incidentsOf('liaisonOpp')).map((i) => i.id));
      const onlyOpp = [...opp].filter((id) => !gov.has(id));
      const onlyGov = [...gov].filter((id) => !opp.has(id));
      assert.ok(onlyOpp.length > 0 && onlyGov.length > 0, 'each party has a restricted incident');
      for (const id of [...onlyOpp, ...onlyGov]) assert.ok(monitorIds.has(id), 'monitors see both');

      for (const [who, own, other, otherPlace] of [
        ['liaisonGov', onlyGov, onlyOpp, PLACE_OF.liaisonOpp],
        ['liaisonOpp', onlyOpp, onlyGov, PLACE_OF.liaisonGov],
      ] as const) {
        const w = await open('laptop', who);
        await w.page.goto('/#/?win=30d&to=2016-09-22');
        await w.page.getByTestId('incident-list-item').first().waitFor();
        const shown = await listIds(w);
        for (const id of own) assert.ok(shown.includes(id), `${who} sees its own party's incident ${id}`);
        for (const id of other) assert.ok(!shown.includes(id), `${who} must not see incident ${id}`);
        assert.doesNotMatch((await w.page.locator('body').textContent()) ?? '', otherPlace);
        for (const [url, ready] of [
          ['/#/timeline', 'timeline-chart'],
          ['/#/compliance', 'compliance-board'],
        ] as const) {
          await w.page.goto(url);
          await h.ready(w, ready, `${who}-${ready}`);
          assert.doesNotMatch((await w.page.locator('body').textContent()) ?? '', otherPlace, `${who} on ${url}`);
        }
        await w.page.goto(`/#/incidents/${encodeURIComponent(other[0] as string)}`);
        await w.page.getByTestId('incident-page').waitFor();
        assert.equal(await w.page.getByTestId('source').count(), 0);
        assert.equal(await w.page.getByTestId('incident-title').count(), 0, 'no title for an unseen incident');
        assert.doesNotMatch((await w.page.locator('body').textContent()) ?? '', otherPlace);
        // The unseen incident's 404 is the API answering as designed, not a page fault.
        assert.deepEqual(
          w.problems.filter((p) => !/status of 404/.test(p)),
          [],
        );
      }
    });

    it("the time window spans the agreement's period by default, and widens to the whole record", async () => {
      const w = await open('laptop', 'monitor');
      await w.page.goto('/#/');
      await w.page.getByTestId('incident-list-item').first().waitFor();
      // The September 2016 arrangement starts on the 12th; its incidents run to the 22nd, then the
      // demo's record falls silent for years: the slider's days are the truce's days.
      await w.page.getByTestId('time-range').filter({ hasText: '12 Sep 2016 – 22 Sep 2016' }).waitFor();
      assert.equal(await w.page.getByTestId('time-slider').getAttribute('max'), '10');
      assert.equal(await w.page.getByTestId('span-agreement').getAttribute('aria-pressed'), 'true');
      const inPeriod = (await listIds(w)).length;

      await w.page.getByTestId('span-all').click();
      await w.page.waitForFunction(() => /span=all/.test(location.hash));
      await w.page.getByTestId('time-range').filter({ hasText: /2019/ }).waitFor();
      assert.ok(Number(await w.page.getByTestId('time-slider').getAttribute('max')) > 900, 'years of days');
      assert.ok((await listIds(w)).length > inPeriod, 'the whole record lists the later incidents too');

      await w.page.getByTestId('span-agreement').click();
      await w.page.waitForFunction(() => !/span=/.test(location.hash));
      assert.deepEqual(w.problems, []);
    });

    it('names the places on the map, without labels on top of each other', async () => {
      const w = await open('laptop', 'monitor');
      await w.page.goto('/#/');
      await baseDrawn(w);
      await w.page.getByTestId('place-label').first().waitFor();
      const places = await visibleBoxes(w, '[data-testid="place-label"]');
      assert.ok(places.length >= 4, `${places.length} places named: ${places.map((p) => p.text).join(', ')}`);
      const countries = await visibleBoxes(w, '[data-testid="country-label"]');
      assert.ok(
        countries.some((c) => c.text === 'Syria'),
        `countries named: ${countries.map((c) => c.text).join(', ')}`,
      );
      const all = [...places, ...countries];
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++)
          assert.ok(!overlap(all[i]!, all[j]!), `"${all[i]!.text}" and "${all[j]!.text}" overlap`);
      // Zoomed in, the labels are laid out again: still named, still apart.
      const zoom = Number(/z=(\d+)/.exec(await w.page.evaluate(() => location.hash))?.[1] ?? 0);
      await w.page.locator('.leaflet-control-zoom-in').click();
      await w.page.waitForFunction((z) => new RegExp(`z=${z + 1}\\b`).test(location.hash), zoom);
      await w.page.locator('.leaflet-zoom-anim').waitFor({ state: 'detached' });
      const closer = await visibleBoxes(w, '[data-testid="place-label"]');
      assert.ok(closer.length >= 3, `${closer.length} named after zooming in`);
      for (let i = 0; i < closer.length; i++)
        for (let j = i + 1; j < closer.length; j++)
          assert.ok(!overlap(closer[i]!, closer[j]!), `zoomed: "${closer[i]!.text}" and "${closer[j]!.text}" overlap`);
      assert.deepEqual(w.problems, []);
    });

    it('the incident page names the place and the parties, not coordinates and ids', async () => {
      const aleppo = (await incidentsOf('monitor')).find((i) => i.location === 'eastern Aleppo');
      assert.ok(aleppo, 'an incident in eastern Aleppo');
      const w = await open('laptop', 'monitor');
      await w.page.goto(`/#/incidents/${aleppo.id}`);
      await w.page.getByTestId('finding').first().waitFor();
      const place = w.page.getByTestId('incident-place');
      assert.match((await place.locator('.place-name').textContent()) ?? '', /^eastern Aleppo, Aleppo, Syria$/);
      assert.match((await w.page.getByTestId('incident-coordinates').textContent()) ?? '', /36\.205° N, 37\.180° E/);
      const findings = (await w.page.getByTestId('findings').textContent()) ?? '';
      const ids = /\b(syrian-government|united-states|opposition-held-aleppo)\b/;
      assert.doesNotMatch(findings, ids, 'party and zone ids in the explanations');
      assert.match(findings, /Russian Federation|Government of Syria/);
      assert.deepEqual(w.problems, []);
    });

    it('a forgotten password: the sign-in page links to the reset, and the emailed link sets a new one', async () => {
      const w = await open('laptop');
      const email = h.accounts.analyst.email;
      await w.page.goto('/#/login');
      await w.page.getByTestId('login-email').fill(email);
      await w.page.getByTestId('forgot-password').click();
      await w.page.getByTestId('reset-form').waitFor();
      assert.equal(await w.page.getByTestId('reset-email').inputValue(), email, 'the email is carried over');
      await w.page.getByTestId('reset-submit').click();
      await w.page.getByTestId('reset-sent').waitFor();
      await h.screenshot(w.page, 'reset-sent-laptop');
      const mail = (await h.store.accounts.listOutbox(20)).find((m) => m.recipient === email);
      assert.ok(mail, 'the reset mail is in the outbox');
      const path = /\/reset\/rst_[A-Za-z0-9_-]{43}/.exec(mail.body)?.[0];
      assert.ok(path, `a reset link in: ${mail.body}`);
      // The link as emailed: a path, which the dashboard turns into its page.
      await w.page.goto(path);
      await w.page.getByTestId('reset-password-form').waitFor();
      assert.equal(new URL(w.page.url()).pathname, '/', 'the token leaves the path');
      await h.screenshot(w.page, 'reset-password-laptop');
      // The same password as before, so the account stays as the harness knows it.
      await w.page.getByTestId('reset-password').fill(h.accounts.analyst.password);
      await w.page.getByTestId('reset-password-again').fill(h.accounts.analyst.password);
      await w.page.getByTestId('reset-password-submit').click();
      await w.page.getByTestId('login-form').waitFor();
      await w.page.getByTestId('login-email').fill(email);
      await w.page.getByTestId('login-password').fill(h.accounts.analyst.password);
      await w.page.getByTestId('login-submit').click();
      await w.page.getByTestId('signed-in-as').waitFor();
      // A used link is refused, and the page says so.
      await w.page.goto(path);
      await w.page.getByTestId('reset-password').fill('another long password');
      await w.page.getByTestId('reset-password-again').fill('another long password');
      await w.page.getByTestId('reset-password-submit').click();
      await w.page.getByTestId('reset-error').filter({ hasText: /\S/ }).waitFor();
      assert.deepEqual(
        w.problems.filter((p) => !/status of 4\d\d/.test(p)),
        [],
      );
    });

    it('on a phone the whole navigation is in sight, and a new page starts with its title below the header', async () => {
      const w = await open('phone', 'monitor');
      await w.page.goto('/#/compliance');
      await w.page.getByTestId('compliance-board').waitFor();
      const width = w.page.viewportSize()?.width ?? 390;
      for (const id of ['nav-map', 'nav-timeline', 'nav-compliance', 'nav-watchlist', 'nav-report', 'nav-tokens']) {
        const box = await w.page.getByTestId(id).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${id} in sight: ${JSON.stringify(box)}`);
      }
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      // Scrolled down, then on to another page: its title is not under the header.
      await w.page.mouse.wheel(0, 1500);
      await w.page.evaluate(() => (location.hash = '#/timeline'));
      await w.page.getByTestId('timeline-chart').waitFor();
      const header = await w.page.getByTestId('topbar').boundingBox();
      const title = await w.page.locator('h1').first().boundingBox();
      assert.ok(header && title, 'header and title');
      assert.ok(title.y >= header.y + header.height, `title at ${title.y}, header ends at ${header.y + header.height}`);
      assert.deepEqual(w.problems, []);
    });

    it('every main view at laptop and phone size, with no console errors', async () => {
      const incident = (await incidentsOf('monitor')).find((i) => /Aleppo/.test(i.location ?? ''));
      const problems: string[] = [];
      for (const viewport of ['laptop', 'phone'] as const) {
        if (viewport === 'phone') {
          const anon = await open(viewport);
          await anon.page.goto('/#/login');
          await anon.page.getByTestId('login-form').waitFor();
          await h.screenshot(anon.page, 'login-phone');
        }
        const w = await open(viewport, 'monitor');
        for (const [name, url, ready] of [
          ['map', '/#/?win=30d&to=2016-09-22', 'incident-list-item'],
          ['timeline', '/#/timeline', 'timeline-chart'],
          ['compliance', '/#/compliance', 'compliance-board'],
          ['incident', `/#/incidents/${incident?.id}`, 'source'],
        ] as const) {
          await w.page.goto(url);
          await h.ready(w, ready, `${name}-${viewport}`);
          if (name === 'map' || name === 'incident') await baseDrawn(w);
          if (name === 'map') await w.page.getByTestId('place-label').first().waitFor();
          await h.screenshot(w.page, `${name}-${viewport}`);
        }
        problems.push(...w.problems.map((p) => `${viewport}: ${p}`));
      }
      assert.deepEqual(problems, [], 'console errors');
    });
  });
}
