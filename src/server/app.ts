/**
 * The HTTP service as a Fastify app factory: no port is opened here, so tests drive it with
 * app.inject(). Layers: route (zod schema) -> service -> presenter; errors from the catalogue.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ScryptParams } from '../auth/password.js';
import { TruceError } from '../core/errors.js';
import { AccountsService } from '../services/accounts.service.js';
import { AnalyzeService } from '../services/analyze.service.js';
import { AuditService } from '../services/audit.service.js';
import { CommentsService } from '../services/comments.service.js';
import { FieldReportService } from '../services/field-report.service.js';
import { ReviewService } from '../services/review.service.js';
import { SubmitService, type FetchPolicy } from '../services/submit.service.js';
import { WatchlistService } from '../services/watchlist.service.js';
import type { Store } from '../store/store.js';
import { authHook, formCsrfHook } from './auth.hook.js';
import type { App, RateLimits, Services } from './context.js';
import { errorHandler } from './presenters/error.presenter.js';
import { accountRoutes } from './routes/accounts.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { commentRoutes } from './routes/comments.routes.js';
import { fieldReportRoutes } from './routes/field-reports.routes.js';
import { eventRoutes } from './routes/events.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { readRoutes, type ReadServices } from './routes/read.routes.js';
import { reviewRoutes } from './routes/review.routes.js';
import { watchlistRoutes } from './routes/watchlist.routes.js';
import { DEFAULT_RATE_LIMITS, rateLimitError } from './rate-limits.js';
import { securityHeaders } from './security.js';
import { webRoutes, type WebOptions } from './web.js';

export interface ServerOptions {
  readonly store: Store;
  /** Secure cookies and HSTS; false only for plain-HTTP localhost use and tests. Default true. */
  readonly secureCookies?: boolean;
  readonly rateLimits?: Partial<RateLimits>;
  /** Cheaper scrypt parameters for tests; production uses the default. */
  readonly scrypt?: ScryptParams;
  /** Base of links written to the outbox. */
  readonly baseUrl?: string;
  /** Largest request body, bytes (default 2 MiB). */
  readonly bodyLimit?: number;
  /** The active agreement of the dashboard: a bundled id, an uploaded id or a file (default syria-2016-09-arrangement). */
  readonly agreement?: string;
  readonly logger?: boolean;
  /** Shared reader (loading the pipeline's data files takes a moment). */
  readonly analyze?: AnalyzeService;
  /** Limits on URLs submitted for fetching; private addresses are refused unless `allowPrivate`. */
  readonly fetch?: FetchPolicy;
  /** The dashboard: where its build is, an optional tile URL (src/server/web.ts). */
  readonly web?: WebOptions;
  /**
   * Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed, so rate limits
   * and logs key on the real client. Never "any": a client could then pick its own address.
   */
  readonly trustProxy?: readonly string[];
  /** The accounts' clock (session, token and link expiry; a token's last use); tests move it. */
  readonly now?: () => Date;
}

export async function buildServer(options: ServerOptions): Promise<App> {
  const secure = options.secureCookies ?? true;
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const bodyLimit = options.bodyLimit ?? 2 * 1024 * 1024;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? [...options.trustProxy] : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request) => {
    throw new TruceError('E022_NOT_FOUND', { what: `${request.method} ${request.url.split('?')[0]}` });
  });
  app.addContentTypeParser('text/html', { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));

  // Review judges a finding with the read side's FindingsService, built with the read routes below.
  const read: { findings?: ReadServices['findings'] } = {};
  const services: Services = {
    store: options.store,
    accounts: new AccountsService(options.store, {
      scrypt: options.scrypt,
      baseUrl: options.baseUrl,
      ...(options.now ? { now: options.now } : {}),
    }),
    audit: new AuditService(options.store),
    submit: new SubmitService(options.store, options.analyze ?? new AnalyzeService(), options.fetch),
    review: new ReviewService(options.store, {
      findings: async (scope, id) => (read.findings ? read.findings.get(scope, id) : null),
    }),
    comments: new CommentsService(options.store),
    watchlist: new WatchlistService(options.store),
    fieldReports: new FieldReportService(options.store),
  };

  app.decorateRequest('principal', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfPending', false);
  await app.register(fastifyCookie);
  app.addHook('onRequest', authHook(services.accounts, secure));
  app.addHook('preValidation', formCsrfHook);
  app.addHook('onSend', securityHeaders(secure));
  // preHandler: limits keyed by account need the principal that onRequest resolved.
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler', errorResponseBuilder: rateLimitError });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Truce Monitor API', version: '0.1.0', description: 'Reports, events, accounts and audit' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: secure ? '__Host-truce_session' : 'truce_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    uiConfig: { validatorUrl: null },
    staticCSP: true,
    // Everything from our own origin: no remote validator, no https: wildcards, no framing.
    transformStaticCSP: (csp) =>
      csp
        .replace(/ ?upgrade-insecure-requests;?/, '')
        .replace(/ (https:|validator\.swagger\.io)/g, '')
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });

  reportRoutes(app, services, limits);
  eventRoutes(app, services);
  authRoutes(app, services, limits, secure);
  accountRoutes(app, services, limits);
  read.findings = (await readRoutes(app, options.store, { agreement: options.agreement, bodyLimit, limits })).findings;
  reviewRoutes(app, services);
  commentRoutes(app, services, limits);
  watchlistRoutes(app, services);
  auditRoutes(app, services);
  await fieldReportRoutes(app, services, limits);
  await webRoutes(app, options.web);
  return app;
}
