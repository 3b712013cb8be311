/**
 * Every browser suite on one service and one chromium (starting them is most of the cost): the
 * dashboard's flows first, then the API tokens page, then the hostile-text suite, which adds its own
 * reports to the demo's, then a second service on the same data with a (loopback) tile server.
 * Skipped, with the reason, when Debian's chromium is not installed (harness.ts, DEVELOPERS.md).
 */
import { after, before, describe } from 'node:test';
import { dashboardSuite } from './dashboard.suite.js';
import { SKIP, startBrowserHarness, type BrowserHarness } from './harness.js';
import { injectionSuite } from './injection.suite.js';
import { tilesSuite } from './tiles.suite.js';
import { tokensSuite } from './tokens.suite.js';

let h: BrowserHarness | undefined;
const harness = (): BrowserHarness => {
  if (!h) throw new Error('the browser harness did not start');
  return h;
};

describe('the dashboard in chromium', { skip: SKIP }, () => {
  before(async () => {
    h = await startBrowserHarness();
  });
  after(async () => {
    await h?.close();
  });
  dashboardSuite(harness);
  tokensSuite(harness);
  injectionSuite(harness);
  tilesSuite(harness);
});
