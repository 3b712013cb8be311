/**
 * Use case: a signed-in person submits a report: text, HTML, or a URL that is fetched with size and
 * time limits (src/ingest/fetch-url.ts) and never from the server's own networks unless allowed.
 * It is analysed, then stored with the visibility their role allows (auth/principal.ts), shared
 * with the named parties, joined into incidents (corroborate.service.ts) and audited, all in ONE
 * transaction.
 */
import { parseIsoDay } from '../core/date.js';
import { TruceError } from '../core/errors.js';
import { actorOf, scopeOf, submissionVisibility, type Principal, type Visibility } from '../auth/principal.js';
import { decodeReportBytes, maxInputBytes, sniffMediaType } from '../ingest/decode.js';
import { DEFAULT_FETCH_TIMEOUT_MS, fetchBounded } from '../ingest/fetch-url.js';
import { portRefusal, refusalOf, urlRefusal, type Resolver } from '../ingest/public-address.js';
import { PIPELINE_VERSION } from '../nlp/analyze.js';
import type { Store } from '../store/store.js';
import { AnalyzeService } from './analyze.service.js';
import { AuditService } from './audit.service.js';
import { corroborateEvents } from './corroborate.service.js';

export interface Submission {
  /** The report itself; without it, `url` is fetched. */
  readonly text?: string;
  readonly mediaType?: 'text/plain' | 'text/html';
  readonly url?: string | null;
  readonly published?: string | null;
  readonly source?: string | null;
  readonly visibility?: Visibility;
  readonly parties?: readonly string[];
}

export interface FetchPolicy {
  /** Fetch from loopback and private addresses too (tests, a closed network). Default false. */
  readonly allowPrivate?: boolean;
  /** These exact special addresses may be reached (tests: their loopback server). Default none. */
  readonly allowAddresses?: readonly string[];
  /** Ports that may be fetched besides 80 and 443 (tests: their server's random port). Default none. */
  readonly allowPorts?: readonly number[];
  /** How host names are resolved (tests inject a fake resolver; default the system's). */
  readonly resolve?: Resolver;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
}

export interface Submitted {
  readonly id: number;
  readonly status: 'new' | 'duplicate' | 'reanalysed';
  /** The address the report was fetched from in the end (after redirects), for a URL submission. */
  readonly fetchedUrl?: string;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

export class SubmitService {
  private readonly audit: AuditService;

  constructor(
    private readonly store: Store,
    private readonly analyze: AnalyzeService = new AnalyzeService(),
    private readonly fetchPolicy: FetchPolicy = {},
  ) {
    this.audit = new AuditService(store);
  }

  /** Fetches a submitted URL within the limits; E028 when refused, E029 when it cannot be had. */
  async fetchReport(url: string): Promise<{ text: string; mediaType: 'text/plain' | 'text/html'; url: string }> {
    const maxBytes = this.fetchPolicy.maxBytes ?? maxInputBytes();
    const { allowPrivate, allowAddresses, allowPorts, resolve } = this.fetchPolicy;
    const addresses = { allowPrivate, allowAddresses, allowPorts };
    // An early, clear refusal; the connection itself is checked again by the fetcher's own lookup
    // (one resolution per connection, to the address it checked: no DNS rebinding).
    const checkUrl = async (u: URL) => {
      const reason = allowPrivate
        ? (urlRefusal(u) ?? portRefusal(u, addresses))
        : await refusalOf(u, { resolve, policy: addresses });
      if (reason) throw new TruceError('E028_URL_REFUSED', { url: u.href, reason });
    };
    await checkUrl(new URL(url));
    let got;
    try {
      got = await fetchBounded(url, {
        maxBytes,
        timeoutMs: this.fetchPolicy.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
        maxRedirects: this.fetchPolicy.maxRedirects,
        checkUrl,
        addresses,
        ...(resolve ? { resolve } : {}),
      });
    } catch (error) {
      if (error instanceof TruceError) throw error;
      throw new TruceError('E029_FETCH_FAILED', { url, reason: (error as Error).message });
    }
    const text = decodeReportBytes(got.bytes, { what: got.url, maxBytes });
    const mediaType = /html|xml/i.test(got.contentType ?? '') ? 'text/html' : sniffMediaType(text);
    return { text, mediaType, url: got.url };
  }

  async submit(p: Principal, s: Submission): Promise<Submitted> {
    const vis = submissionVisibility(p, s);
    const published = s.published ? parseIsoDay(s.published) : null;
    if (s.published && !published) throw new TruceError('E006_BAD_DATE', { field: 'published', value: s.published });
    let { text, mediaType, url } = { text: s.text, mediaType: s.mediaType ?? 'text/plain', url: s.url ?? null };
    // Only web addresses: a `javascript:` or `data:` link must never be stored as a report's URL.
    if (url && !/^https?:\/\//i.test(url))
      throw new TruceError('E028_URL_REFUSED', { url, reason: 'only http and https URLs' });
    let source = s.source ?? null;
    let fetchedUrl: string | undefined;
    if (text === undefined) {
      if (!url) throw new TruceError('E007_BAD_OPTION', { option: 'text', reason: 'give the text or a url' });
      const got = await this.fetchReport(url);
      ({ text, mediaType } = got);
      url = fetchedUrl = got.url;
      source ??= hostOf(got.url);
    }
    if (text.trim() === '') throw new TruceError('E002_INPUT_EMPTY', { what: 'the report' });
    const { analysis } = this.analyze.analyzeText(text, 'submitted report', mediaType, {
      ...(published ? { published } : {}),
      ...(source ? { source } : {}),
    });
    const raw = text;
    const put = await this.store.transaction(async () => {
      const stored = await this.store.putReport(
        { raw, mediaType, url, published: s.published ?? null, sourceName: source, visibility: vis.visibility },
        { pipelineVersion: PIPELINE_VERSION, analysis },
        analysis.events,
      );
      if (stored.status === 'new') await this.store.access.shareReport(stored.id, vis.parties);
      else if (p.role === 'liaison' && !(await this.store.access.canSee(stored.id, scopeOf(p))))
        // They hold the very text already; sharing it with their party reveals only that it was known.
        await this.store.access.shareReport(stored.id, vis.parties);
      if (stored.status !== 'duplicate') await this.joinIncidents(stored.id, actorOf(p));
      await this.audit.record({
        actor: actorOf(p),
        action: stored.status === 'new' ? 'report.create' : `report.${stored.status}`,
        subject: `report:${stored.id}`,
        after: {
          visibility: vis.visibility,
          parties: [...vis.parties],
          events: analysis.events.length,
          ...(fetchedUrl ? { fetchedFrom: fetchedUrl } : {}),
        },
      });
      return stored;
    });
    return { ...put, ...(fetchedUrl ? { fetchedUrl } : {}) };
  }

  /** The new report's events join incidents like ingested ones (inside the caller's transaction). */
  private async joinIncidents(reportId: number, actor: string): Promise<void> {
    const eventIds: number[] = [];
    for await (const e of this.store.iterateEvents({ reportId })) eventIds.push(e.id);
    if (eventIds.length === 0) return;
    const r = await corroborateEvents(this.store, eventIds);
    if (r.created + r.updated + r.deleted > 0)
      await this.audit.record({
        actor,
        action: 'incidents.corroborate',
        subject: `report:${reportId}`,
        after: { events: r.events, created: r.created, updated: r.updated, deleted: r.deleted },
      });
  }
}
