/**
 * Browser tests: the real service (in this process, on a loopback port, the demo's data in a
 * temporary SQLite file) driven by Debian's chromium through playwright-core. Never a downloaded
 * browser: without /usr/bin/chromium (or $TRUCE_CHROMIUM) the tests are skipped with a message.
 * Flags and setup: DEVELOPERS.md.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Principal } from '../../src/auth/principal.js';
import type { Role } from '../../src/core/roles.js';
import { buildServer } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { AccountsService } from '../../src/services/accounts.service.js';
import { AnalyzeService } from '../../src/services/analyze.service.js';
import { DEMO_AGREEMENT, DemoService, type DemoSummary } from '../../src/services/demo.service.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite.store.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.TRUCE_CHROMIUM || '/usr/bin/chromium';
/** Where screenshots go (gitignored). */
export const ARTIFACTS = resolve(ROOT, 'test-artifacts/screenshots');

/** The flags we launch chromium with; documented in DEVELOPERS.md. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A reason to skip (for node:test's `skip`), or false when the browser is there. */
export const SKIP: string | false = existsSync(CHROMIUM)
  ? false
  : `browser tests skipped: no chromium at ${CHROMIUM} (install Debian's: sudo apt-get install chromium, or set TRUCE_CHROMIUM)`;
if (SKIP) console.log(`# ${SKIP}`);

export const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Cheap scrypt for tests only. */
const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery';

export interface Account {
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  readonly partyId: string | null;
}

export type Who = 'admin' | 'monitor' | 'analyst' | 'liaisonGov' | 'liaisonOpp';

/** A page and what went wrong in it: console errors, uncaught exceptions, dialogs. */
export interface Watched {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: string[];
  readonly dialogs: string[];
}

export interface BrowserHarness {
  readonly url: string;
  readonly app: App;
  readonly store: SqliteStore;
  readonly browser: Browser;
  readonly demo: DemoSummary;
  readonly accounts: Readonly<Record<Who, Account>>;
  /**
   * A fresh context and page at a viewport, watched for console errors and dialogs: anonymous, or
   * signed in as `who` (the session made once per account through the login form, then reused).
   */
  open(viewport?: ViewportName, who?: Who): Promise<Watched>;
  /** An anonymous, watched page on another service (one a test starts with other options). */
  openAt(baseURL: string, viewport?: ViewportName): Promise<Watched>;
  /** The copy of the dashboard build this service serves (for a second service in a test). */
  readonly webRoot: string;
  /** The reader the service uses (a second service shares it: loading it takes a while). */
  readonly analyze: AnalyzeService;
  /** Signs in through the login form; the page ends on the map. */
  login(w: Watched, who: Who): Promise<void>;
  screenshot(page: Page, name: string): Promise<string>;
  /**
   * Waits for the first element with this test id; when it never comes, saves a screenshot
   * (failed-<label>.png) and fails with the page's address and problems, to debug from.
   */
  ready(w: Watched, testid: string, label: string): Promise<void>;
  /** The API as this account (signed in through POST /api/auth/login, in process). */
  api(who: Who): Promise<ApiClient>;
  close(): Promise<void>;
}

export type ApiClient = (
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
) => Promise<{ status: number; json: () => unknown; body: string }>;

/** Builds dist/web when it is missing or older than web/ (the same check as npm start). */
export function ensureDashboard(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-web.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the dashboard did not build:\n${r.stdout}\n${r.stderr}`);
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  ensureDashboard();
  const dir = mkdtempSync(join(tmpdir(), 'truce-browser-'));
  const webCopy = join(dir, 'web');
  for (let tries = 0; !existsSync(join(webCopy, 'index.html')); tries++) {
    if (tries > 0) ensureDashboard(); // caught in the middle of someone else's rebuild
    if (tries > 2) throw new Error('dist/web keeps changing: cannot copy the dashboard build');
    rmSync(webCopy, { recursive: true, force: true });
    cpSync(join(ROOT, 'dist/web'), webCopy, { recursive: true });
  }
  const store = await openSqliteStore({ path: join(dir, 'demo.db'), synchronous: 'NORMAL' });
  const analyze = new AnalyzeService();
  const demo = await new DemoService(store, { analyze, scrypt: FAST_SCRYPT }).prepare();
  if (!demo.admin) throw new Error('the demo made no admin');

  const service = new AccountsService(store, { scrypt: FAST_SCRYPT });
  const admin = await store.accounts.getUserByEmail(demo.admin.email);
  const by: Principal = { userId: admin!.id, email: admin!.email, role: 'admin', partyId: null, via: 'session' };
  const make = async (email: string, role: Role, partyId: string | null = null): Promise<Account> => {
    const inv = await service.invite(by, { email, role, partyId });
    await service.acceptInvitation(inv.token, PASSWORD);
    return { email, password: PASSWORD, role, partyId };
  };
  const accounts: Record<Who, Account> = {
    admin: { email: demo.admin.email, password: demo.admin.password, role: 'admin', partyId: null },
    monitor: await make('monitor@example.org', 'monitor'),
    analyst: await make('analyst@example.org', 'analyst'),
    liaisonGov: await make('liaison.gov@example.org', 'liaison', 'syrian-government'),
    liaisonOpp: await make('liaison.opp@example.org', 'liaison', 'opposition'),
  };

  const app = await buildServer({
    store,
    secureCookies: false,
    scrypt: FAST_SCRYPT,
    analyze,
    agreement: DEMO_AGREEMENT,
    // A copy of the build: a rebuild of dist/web meanwhile (npm start, another run) cannot break a page load.
    web: { agreement: DEMO_AGREEMENT, root: webCopy },
    // Generous limits: the suite signs in many times from one address.
    rateLimits: { login: 1000, submit: 1000 },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  let browser: Browser;
  try {
    // launch() gives every run a fresh, temporary user-data-dir, removed on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (err) {
    await app.close();
    await store.close();
    throw err;
  }
  mkdirSync(ARTIFACTS, { recursive: true });

  const watch = async (context: BrowserContext): Promise<Watched> => {
    const page = await context.newPage();
    const problems: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    return { page, context, problems, dialogs };
  };

  const login = async (w: Watched, who: Who): Promise<void> => {
    const a = accounts[who];
    await w.page.goto('/#/login');
    await w.page.getByTestId('login-email').fill(a.email);
    await w.page.getByTestId('login-password').fill(a.password);
    await w.page.getByTestId('login-submit').click();
    await w.page.getByTestId('signed-in-as').waitFor();
  };

  const sessions = new Map<Who, Promise<Awaited<ReturnType<BrowserContext['storageState']>>>>();
  const sessionOf = (who: Who) => {
    let state = sessions.get(who);
    if (!state) {
      state = (async () => {
        const w = await watch(await browser.newContext({ baseURL: url }));
        try {
          await login(w, who);
          return await w.context.storageState();
        } finally {
          await w.context.close();
        }
      })();
      sessions.set(who, state);
    }
    return state;
  };

  const open = async (viewport: ViewportName = 'laptop', who?: Who): Promise<Watched> => {
    const storageState = who ? await sessionOf(who) : undefined;
    return watch(await browser.newContext({ viewport: VIEWPORTS[viewport], baseURL: url, storageState }));
  };

  const screenshot = async (page: Page, name: string): Promise<string> => {
    const path = join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path, fullPage: false });
    return path;
  };

  return {
    url,
    webRoot: webCopy,
    analyze,
    openAt: async (baseURL, viewport = 'laptop') =>
      watch(await browser.newContext({ viewport: VIEWPORTS[viewport], baseURL })),
    app,
    store,
    browser,
    demo,
    accounts,
    open,
    login,
    screenshot,
    async ready(w, testid, label) {
      try {
        await w.page.getByTestId(testid).first().waitFor({ timeout: 20_000 });
      } catch (err) {
        const shot = await screenshot(w.page, `failed-${label}`).catch(() => 'no screenshot');
        throw new Error(
          `${testid} never showed on ${w.page.url()} (${shot}); page problems: ${JSON.stringify(w.problems)}`,
          { cause: err },
        );
      }
    },
    async api(who) {
      const a = accounts[who];
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: a.email, password: a.password },
      });
      if (r.statusCode !== 200) throw new Error(`login ${a.email}: ${r.statusCode} ${r.body}`);
      const cookie = r.cookies.find((c) => c.name === 'truce_session');
      const headers = {
        cookie: `truce_session=${cookie?.value}`,
        'x-csrf-token': (r.json() as { csrfToken: string }).csrfToken,
      };
      return async (method, path, payload) => {
        const res = await app.inject({ method, url: path, headers, ...(payload ? { payload } : {}) });
        return { status: res.statusCode, json: () => res.json(), body: res.body };
      };
    },
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
