/**
 * The API tokens page: a monitor signs in, opens it from the header's account area, creates a token
 * (its secret shown once, with the warning; it works against the API), sees it listed, revokes it
 * after the page's confirmation (the keyboard's Escape backs out first), and the list no longer
 * shows it (nor does the API accept it). The secret is gone from the page after "Done" and on a
 * later visit. The expiry is chosen in the form (90 days unless changed); the list says when it
 * expires and, once the API has been called with it, when it was last used. At phone width the
 * account link is in sight and nothing scrolls sideways.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserHarness, ViewportName, Watched, Who } from './harness.js';

/** A name with markup in it: it must show as the text it is. */
const NAME = 'nightly <b>export</b>';

export function tokensSuite(harness: () => BrowserHarness): void {
  describe('API tokens page', () => {
    let h: BrowserHarness;
    const opened: Watched[] = [];
    const open = async (viewport: ViewportName, who?: Who) => {
      const w = await h.open(viewport, who);
      opened.push(w);
      return w;
    };
    /** What the API answers this bearer token on the tokens route (200 while it works). */
    const bearer = async (secret: string) =>
      (await h.app.inject({ method: 'GET', url: '/api/tokens', headers: { authorization: `Bearer ${secret}` } }))
        .statusCode;

    before(() => {
      h = harness();
    });
    after(async () => {
      for (const w of opened) await w.context.close().catch(() => undefined);
    });

    it('creates a token, shows its secret once, lists it, revokes it, and the list no longer shows it', async () => {
      const w = await open('laptop');
      const { page } = w;
      await w.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await h.login(w, 'monitor');
      await page.getByTestId('nav-tokens').click();
      await h.ready(w, 'token-form', 'tokens-form');
      assert.equal(await page.title(), 'API tokens · Truce Monitor');
      assert.equal(await page.getByTestId('nav-tokens').getAttribute('aria-current'), 'page');
      const rows = page.getByTestId('token-row').filter({ hasText: NAME });
      assert.equal(await rows.count(), 0);

      // Create: the secret, once, with the warning; it works.
      await page.getByLabel('Name', { exact: true }).fill(NAME);
      const expiry = page.getByLabel('Expires after');
      assert.equal(await expiry.inputValue(), '90', '90 days unless changed');
      await expiry.selectOption({ label: '30 days' });
      const madeAt = Date.now();
      await page.getByTestId('token-create-submit').click();
      await h.ready(w, 'token-secret', 'tokens-secret');
      const secret = await page.getByTestId('token-secret').inputValue();
      assert.match(secret, /^tok_[A-Za-z0-9_-]{43}$/);
      assert.match((await page.getByTestId('token-secret-warning').textContent()) ?? '', /will not be shown again/);
      assert.match((await page.getByTestId('tokens-status').textContent()) ?? '', /will not be shown again/);
      assert.match(
        (await page.getByTestId('token-new-expiry').textContent()) ?? '',
        /^It stops working on \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\.$/,
      );
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'token-secret',
        'the cursor is on the secret',
      );
      assert.equal(await bearer(secret), 200, 'the new token works');
      await page.getByTestId('token-copy').click();
      const copied = page.getByTestId('tokens-status').filter({ hasText: /Copied|Ctrl\+C/ });
      await copied.waitFor();
      if (/Copied/.test((await copied.textContent()) ?? ''))
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret, 'the clipboard has it');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 1, 'listed once');
      assert.equal(await page.locator('.token-name b').count(), 0, 'the name is text, not markup');
      await h.screenshot(page, 'tokens-secret-laptop');

      // Done: the secret leaves the page, and no later visit shows it.
      await page.getByTestId('token-done').click();
      await page.getByTestId('token-form').waitFor();
      assert.equal((await page.content()).includes(secret), false, 'the secret is gone after Done');
      await page.goto('/#/');
      await page.goto('/#/tokens');
      await rows.first().waitFor();
      assert.equal((await page.content()).includes(secret), false, 'and on the next visit');
      // Its line: when it expires, and the API call above as its last use.
      const moment = String.raw`\d{1,2} \w{3} \d{4}, \d\d:\d\d UTC`;
      assert.match(
        (await rows.getByTestId('token-facts').textContent()) ?? '',
        new RegExp(`^Created ${moment} · expires ${moment} · last used ${moment}$`),
      );
      const made = (
        (await (await h.api('monitor'))('GET', '/api/tokens')).json() as {
          items: { name: string; expiresAt: string | null; lastUsedAt: string | null }[];
        }
      ).items.find((t) => t.name === NAME);
      const days = (Date.parse(String(made?.expiresAt)) - madeAt) / 86_400_000;
      assert.ok(days > 29.99 && days < 30.01, `expires in 30 days: ${made?.expiresAt}`);
      assert.ok(made?.lastUsedAt, 'its last use is recorded');

      // Revoke: a confirmation first, which the keyboard can back out of.
      await rows.getByTestId('token-revoke').focus();
      await page.keyboard.press('Enter');
      await rows.getByTestId('token-revoke-confirm').waitFor();
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'token-revoke-cancel',
        'the safe choice has the focus',
      );
      await page.keyboard.press('Escape');
      await rows.getByTestId('token-revoke').waitFor();
      assert.equal(await bearer(secret), 200, 'backing out revokes nothing');
      await rows.getByTestId('token-revoke').click();
      await rows.getByTestId('token-revoke-confirm').click();
      await page
        .getByTestId('tokens-status')
        .filter({ hasText: /is revoked/ })
        .waitFor();
      await rows.first().waitFor({ state: 'detached' });
      assert.equal(await rows.count(), 0, 'the list no longer shows it');
      assert.equal(await bearer(secret), 401, 'the API refuses it');
      const api = await h.api('monitor');
      const listed = (
        (await api('GET', '/api/tokens')).json() as { items: { name: string; revokedAt: string | null }[] }
      ).items.filter((t) => t.name === NAME);
      assert.equal(listed.length, 1);
      assert.ok(listed[0]?.revokedAt, 'revoked on the server');
      await h.screenshot(page, 'tokens-laptop');
      assert.deepEqual(w.problems, []);
      assert.deepEqual(w.dialogs, [], 'no native dialog');
    });

    it('on a phone the account link is in sight and the page does not scroll sideways', async () => {
      const w = await open('phone', 'liaisonGov');
      await w.page.goto('/#/tokens');
      await h.ready(w, 'token-form', 'tokens-phone');
      const width = w.page.viewportSize()?.width ?? 390;
      for (const id of ['nav-tokens', 'logout', 'token-create-submit']) {
        const box = await w.page.getByTestId(id).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${id} in sight: ${JSON.stringify(box)}`);
      }
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      await h.screenshot(w.page, 'tokens-phone');
      assert.deepEqual(w.problems, []);
    });
  });
}
