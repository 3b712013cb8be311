/**
 * The dashboard: the Vite build in dist/web served at /, with a strict Content-Security-Policy
 * (nothing inline, everything from our own origin, plus the tile host when one is configured).
 * Paths that are not files and not /api or /docs get index.html (the dashboard routes itself).
 * GET /api/config tells the dashboard what it cannot know by itself (tile URL, active agreement, who
 * is signed in and the session's CSRF token: the cookie is HttpOnly, so the page cannot read it).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csrfTokenFor } from '../auth/secrets.js';
import { TruceError } from '../core/errors.js';
import type { App } from './context.js';
import { escapeHtml } from './security.js';

export const DEFAULT_WEB_ROOT = resolve(fileURLToPath(new URL('../../dist/web', import.meta.url)));

export interface WebOptions {
  /** The built dashboard (default dist/web at the repository root). */
  readonly root?: string;
  /** A raster tile URL template (https://tiles.example.org/{z}/{x}/{y}.png); none = Natural Earth only. */
  readonly tileUrl?: string | null;
  readonly tileAttribution?: string | null;
  /** The agreement the dashboard opens with (id); null = the dashboard picks from /api/agreements. */
  readonly agreement?: string | null;
}

/** The origin a tile template loads from, as a CSP source ({s} subdomains become a wildcard). */
export function tileSource(tileUrl: string): string {
  let url: URL;
  try {
    url = new URL(tileUrl.replace(/\{s\}/g, 'a').replace(/\{[a-z]+\}/gi, '0'));
  } catch {
    throw new TruceError('E007_BAD_OPTION', { option: 'tileUrl', reason: 'not a URL template' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TruceError('E007_BAD_OPTION', { option: 'tileUrl', reason: 'tiles must come over http(s)' });
  const host = tileUrl.includes('{s}.') ? url.host.replace(/^a\./, '*.') : url.host;
  return `${url.protocol}//${host}`;
}

export function webCsp(tileUrl?: string | null): string {
  const img = ["'self'", 'data:', ...(tileUrl ? [tileSource(tileUrl)] : [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${img}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

const NOT_BUILT = (root: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Truce Monitor: dashboard not built</title></head>
<body><h1>The dashboard is not built</h1>
<p>The API is running (<a href="/docs">/docs</a>), but there is no dashboard in <code>${escapeHtml(root)}</code>.</p>
<p>Build it once with <code>npm run build:web</code>, then reload this page.</p></body></html>`;

const ConfigReply = z.object({
  tileUrl: z.string().nullable(),
  tileAttribution: z.string().nullable(),
  agreement: z.string().nullable(),
  /** Who is signed in (null for the public), and the CSRF token of a cookie session. */
  session: z
    .object({
      user: z.object({ id: z.number(), email: z.string(), role: z.string(), partyId: z.string().nullable() }),
      csrfToken: z.string().nullable(),
    })
    .nullable(),
});

const isApiPath = (url: string) => /^\/(api|docs)(\/|\?|$)/.test(url);

export async function webRoutes(app: App, options: WebOptions = {}): Promise<void> {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const tileUrl = options.tileUrl ?? null;
  const csp = webCsp(tileUrl); // validates the tile URL at start-up, not on the first request

  // One request tells the dashboard everything it starts with. Answering the public with 200 (not
  // the 401 of /api/auth/me) keeps the browser console free of errors on every anonymous visit.
  app.get(
    '/api/config',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'What the dashboard starts with: tile URL, active agreement, who is signed in and their CSRF token',
        response: { 200: ConfigReply },
      },
    },
    async (request) => {
      const p = request.principal;
      return {
        tileUrl,
        tileAttribution: options.tileAttribution ?? null,
        agreement: options.agreement ?? null,
        session: p
          ? {
              user: { id: p.userId, email: p.email, role: p.role, partyId: p.partyId },
              csrfToken: request.sessionId ? csrfTokenFor(request.sessionId) : null,
            }
          : null,
      };
    },
  );

  await app.register(async (web) => {
    // Runs after the app's securityHeaders hook (parent hooks first), so the page gets its own policy.
    web.addHook('onSend', async (request, reply, payload) => {
      if (!isApiPath(request.url)) reply.header('Content-Security-Policy', csp);
      return payload;
    });

    // Registered even before the first build (the plugin only logs a warning), so a later build is served.
    await web.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: '/assets/',
      index: false,
      // File names carry a content hash: cache them for good.
      maxAge: '365d',
      immutable: true,
      schemaHide: true,
    });

    const page = async (request: FastifyRequest, reply: FastifyReply) => {
      if (isApiPath(request.url))
        throw new TruceError('E022_NOT_FOUND', { what: `${request.method} ${request.url.split('?')[0]}` });
      let html: string;
      try {
        html = await readFile(join(root, 'index.html'), 'utf8');
      } catch {
        return reply
          .status(503)
          .type('text/html; charset=utf-8')
          .header('Cache-Control', 'no-store')
          .send(NOT_BUILT(root));
      }
      return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
    };
    web.get('/', { schema: { hide: true } }, page);
    web.get('/*', { schema: { hide: true } }, page);
  });
}
