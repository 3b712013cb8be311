/**
 * Use case: the demo that `npm start` opens. Ingests the project's example reports (their dates,
 * sources and visibility from examples/manifest.yaml), joins them into incidents, judges them
 * against the bundled September 2016 arrangement, and makes sure an admin can sign in.
 *
 * Idempotent: a second run on the same database stores nothing new (the reports are keyed by their
 * content), re-applies each report's visibility, and prints a password only for a new admin or on
 * an explicit reset.
 */
import { resolve } from 'node:path';
import { hashPassword, DEFAULT_PARAMS, type ScryptParams } from '../auth/password.js';
import { oneTimePassword } from '../auth/secrets.js';
import { readSource } from '../ingest/read-source.js';
import type { Store } from '../store/store.js';
import { loadAgreement } from '../terms/agreement.js';
import { assess } from '../terms/assess.js';
import { AccountsService } from './accounts.service.js';
import { AnalyzeService } from './analyze.service.js';
import { loadIncidents } from './assess.service.js';
import { AuditService } from './audit.service.js';
import { corroborateEvents } from './corroborate.service.js';
import { IngestService, type IngestOutcome } from './ingest.service.js';
import { loadManifest, type ManifestEntry } from './manifest.js';

export const DEMO_AGREEMENT = 'syria-2016-09-arrangement';
export const DEMO_MANIFEST = resolve(import.meta.dirname, '../../examples/manifest.yaml');
export const DEMO_ADMIN = 'admin@localhost';

export interface DemoOptions {
  readonly manifest?: string;
  readonly agreement?: string;
  /** Give the admin a new one-time password (and sign them out everywhere). */
  readonly resetAdmin?: boolean;
  readonly scrypt?: ScryptParams;
  readonly analyze?: AnalyzeService;
  /** One call per report, as it is read. */
  readonly onReport?: (entry: ManifestEntry, outcome: IngestOutcome) => void;
}

export interface DemoSummary {
  readonly reports: {
    readonly read: number;
    readonly new: number;
    readonly unchanged: number;
    readonly failed: number;
  };
  readonly incidents: { readonly created: number; readonly total: number };
  readonly agreement: { readonly id: string; readonly title: string };
  readonly findings: { readonly violations: number; readonly possible: number; readonly permitted: number };
  /** Set only when a password was made in this run (a new admin, or --reset-admin). */
  readonly admin: { readonly email: string; readonly password: string; readonly reset: boolean } | null;
}

/** Outcomes after which the report's events are new to the store and must join incidents. */
const STORED = new Set<IngestOutcome['status']>(['new', 'copy', 'version', 'reanalysed']);

export class DemoService {
  private readonly analyze: AnalyzeService;

  constructor(
    private readonly store: Store,
    private readonly options: DemoOptions = {},
  ) {
    this.analyze = options.analyze ?? new AnalyzeService();
  }

  async prepare(): Promise<DemoSummary> {
    const agreement = loadAgreement(this.options.agreement ?? DEMO_AGREEMENT);
    const seeded = await this.seedReports();
    const { headline } = assess(agreement, await loadIncidents(this.store));
    return {
      ...seeded,
      agreement: { id: agreement.agreement.id, title: agreement.agreement.title },
      findings: {
        violations: headline.violations,
        possible: headline.possible_violations,
        permitted: headline.permitted,
      },
      admin: await this.ensureAdmin(),
    };
  }

  /** Ingests every report of the manifest; what is already stored is left as it is. */
  private async seedReports(): Promise<Pick<DemoSummary, 'reports' | 'incidents'>> {
    const ingest = new IngestService(this.store, this.analyze);
    const reports = { read: 0, new: 0, unchanged: 0, failed: 0 };
    const stored: number[] = [];
    for (const entry of loadManifest(this.options.manifest ?? DEMO_MANIFEST)) {
      reports.read++;
      let outcome: IngestOutcome;
      try {
        const source = readSource(entry.path);
        outcome = await ingest.ingestOne(
          entry.path,
          { text: source.text, mediaType: source.mediaType },
          { published: entry.published, source: entry.source },
        );
      } catch (err) {
        outcome = { what: entry.path, status: 'failed', reason: (err as Error).message };
      }
      if (outcome.reportId !== undefined) await this.applyVisibility(outcome.reportId, entry);
      if (outcome.status === 'failed' || outcome.status === 'quarantined') reports.failed++;
      else if (STORED.has(outcome.status)) reports.new++;
      else reports.unchanged++;
      if (outcome.reportId !== undefined && STORED.has(outcome.status)) stored.push(outcome.reportId);
      this.options.onReport?.(entry, outcome);
    }
    const eventIds: number[] = [];
    for (const reportId of stored) for await (const e of this.store.iterateEvents({ reportId })) eventIds.push(e.id);
    const made = eventIds.length > 0 ? await corroborateEvents(this.store, eventIds) : null;
    if (reports.new > 0)
      await new AuditService(this.store).record({
        actor: 'system',
        action: 'demo.seed',
        subject: 'demo',
        after: { reports: reports.new, events: eventIds.length, incidentsCreated: made?.created ?? 0 },
      });
    const total = (await this.store.listIncidents({ limit: 10_000 })).length;
    return { reports, incidents: { created: made?.created ?? 0, total } };
  }

  /** The manifest's visibility, applied again on every run (a no-op when nothing changed). */
  private async applyVisibility(reportId: number, entry: ManifestEntry): Promise<void> {
    const visibility = entry.visibility ?? 'public';
    await this.store.transaction(async () => {
      if (visibility === 'restricted') await this.store.access.shareReport(reportId, entry.parties ?? []);
      await this.store.access.setVisibility(reportId, visibility);
    });
  }

  /** A new admin on an empty database, or a new one-time password on request; otherwise nothing. */
  private async ensureAdmin(): Promise<DemoSummary['admin']> {
    const accounts = new AccountsService(this.store, { scrypt: this.options.scrypt });
    const made = await accounts.bootstrapAdmin(DEMO_ADMIN);
    if (made) return { ...made, reset: false };
    if (!this.options.resetAdmin) return null;
    const admin = await this.store.accounts.getUserByEmail(DEMO_ADMIN);
    if (!admin) return null;
    const password = oneTimePassword();
    const hash = await hashPassword(password, this.options.scrypt ?? DEFAULT_PARAMS);
    const now = new Date().toISOString();
    await this.store.transaction(async () => {
      await this.store.accounts.setPassword(admin.id, hash, true);
      const revoked = await this.store.accounts.revokeSessionsOf(admin.id, now);
      await this.store.accounts.setDisabled(admin.id, false);
      await new AuditService(this.store).record({
        actor: 'system',
        action: 'password.reset_by_operator',
        subject: `user:${admin.id}`,
        after: { mustChangePassword: true, sessionsRevoked: revoked },
      });
    });
    return { email: DEMO_ADMIN, password, reset: true };
  }
}
