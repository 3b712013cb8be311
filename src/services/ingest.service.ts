/**
 * Use case: ingest reports (files, folders, stdin, feeds, URLs, JSON Lines) into the store. Each
 * report is read, analysed and stored in one transaction (store.putReport); near-duplicates are
 * found through the stored LSH bands and linked to their canonical report as a copy or a version.
 * A bad input is quarantined with its reason and the batch goes on.
 */
import { parseIsoDay, type IsoDay } from '../core/date.js';
import { compareVersions, contentHash } from '../store/identity.js';
import { bandKeys, chooseCanonical, fromBytes, signature, toBytes, type Relation } from '../ingest/dedupe/index.js';
import { expandInputs, reasonOf, type ExpandOptions, type LoadedReport } from '../ingest/inputs.js';
import { PIPELINE_VERSION } from '../nlp/analyze.js';
import type { Store } from '../store/store.js';
import { AnalyzeService } from './analyze.service.js';
import { AuditService } from './audit.service.js';
import { corroborateEvents } from './corroborate.service.js';

/** Outcomes that wrote events, whose incidents must be recomputed. */
const STORED: ReadonlySet<IngestOutcome['status']> = new Set(['new', 'copy', 'version', 'reanalysed']);

export interface IngestOptions extends ExpandOptions {
  readonly source?: string;
  readonly published?: IsoDay;
  /** Who the audit log names for what is stored (default `system`; the CLI: `cli:<os user>`). */
  readonly actor?: string;
}

export interface IngestSummary {
  read: number;
  new: number;
  copies: number;
  versions: number;
  /** Same content already stored (and analysed by this pipeline version): nothing written. */
  unchanged: number;
  /** Same content, analysed again by a newer pipeline version. */
  reanalysed: number;
  quarantined: number;
  failed: number;
  /** Incidents made or changed by corroborating the events this batch stored. */
  incidentsCreated: number;
  incidentsUpdated: number;
}

export interface IngestOutcome {
  readonly what: string;
  readonly status: 'new' | 'copy' | 'version' | 'unchanged' | 'reanalysed' | 'quarantined' | 'failed';
  readonly reportId?: number;
  readonly canonicalReportId?: number;
  readonly reason?: string;
}

export function emptySummary(): IngestSummary {
  return {
    read: 0,
    new: 0,
    copies: 0,
    versions: 0,
    unchanged: 0,
    reanalysed: 0,
    quarantined: 0,
    failed: 0,
    incidentsCreated: 0,
    incidentsUpdated: 0,
  };
}

export class IngestService {
  private readonly audit: AuditService;

  constructor(
    private readonly store: Store,
    private readonly analyzer: AnalyzeService = new AnalyzeService(),
  ) {
    this.audit = new AuditService(store);
  }

  /** Ingests every input; `onItem` sees each outcome (progress, verbose output). */
  async ingest(
    inputs: readonly string[],
    options: IngestOptions = {},
    onItem?: (outcome: IngestOutcome, summary: IngestSummary) => void,
  ): Promise<IngestSummary> {
    const summary = emptySummary();
    const stored: number[] = [];
    for await (const item of expandInputs(inputs, options)) {
      summary.read++;
      let outcome: IngestOutcome;
      if (item.kind === 'bad') outcome = await this.setAside(item.what, item.reason, item.detail, options.actor);
      else {
        try {
          outcome = await this.ingestOne(item.what, await item.load(), options);
        } catch (err) {
          outcome = await this.setAside(item.what, reasonOf(err), undefined, options.actor);
        }
      }
      count(summary, outcome);
      if (outcome.reportId !== undefined && STORED.has(outcome.status)) stored.push(outcome.reportId);
      onItem?.(outcome, summary);
    }
    await this.corroborate(stored, summary, options.actor);
    return summary;
  }

  /**
   * Joins the events of the reports just stored into incidents (corroborate.service.ts); the
   * incidents written and their audit entry are one transaction.
   */
  private async corroborate(reportIds: readonly number[], summary: IngestSummary, actor = 'system'): Promise<void> {
    const eventIds: number[] = [];
    for (const reportId of reportIds) {
      for await (const e of this.store.iterateEvents({ reportId })) eventIds.push(e.id);
    }
    if (eventIds.length === 0) return;
    const result = await this.store.transaction(async () => {
      const r = await corroborateEvents(this.store, eventIds);
      if (r.created + r.updated + r.deleted > 0)
        await this.audit.record({
          actor,
          action: 'incidents.corroborate',
          subject: `reports:${reportIds.length}`,
          after: { events: r.events, created: r.created, updated: r.updated, deleted: r.deleted },
        });
      return r;
    });
    summary.incidentsCreated += result.created;
    summary.incidentsUpdated += result.updated;
  }

  /** Analyses and stores one loaded report, then links it if it is a near-duplicate. */
  async ingestOne(what: string, loaded: LoadedReport, options: IngestOptions = {}): Promise<IngestOutcome> {
    const published = (loaded.published ? parseIsoDay(loaded.published) : null) ?? options.published;
    const sourceName = options.source ?? loaded.sourceName;
    // Already stored and analysed by this pipeline version: skip the analysis (re-run feeds cheaply).
    const known = await this.store.getReportByHash(contentHash(loaded.text));
    if (known) {
      const stored = await this.store.getAnalysis(known.id);
      if (stored && compareVersions(PIPELINE_VERSION, stored.pipelineVersion) <= 0) {
        if (!(await this.store.getSignature(known.id))) await this.keepSignature(known.id, stored.analysis.report.body);
        return { what, status: 'unchanged', reportId: known.id };
      }
    }
    const { doc, analysis } = this.analyzer.analyzeText(loaded.text, what, loaded.mediaType, {
      published,
      source: sourceName,
    });
    const body = doc.clean?.body ?? '';
    // The report, its signature, its link to a copy and the audit entry: one transaction.
    return this.store.transaction(async (): Promise<IngestOutcome> => {
      const put = await this.store.putReport(
        {
          raw: loaded.text,
          mediaType: loaded.mediaType,
          url: loaded.url ?? null,
          published: published ?? null,
          sourceName: sourceName ?? null,
        },
        { pipelineVersion: PIPELINE_VERSION, analysis },
        analysis.events,
      );
      if (put.status === 'duplicate') {
        // A run killed between the report and its signature left no signature: add it now.
        if (!(await this.store.getSignature(put.id))) await this.keepSignature(put.id, body);
        return { what, status: 'unchanged', reportId: put.id };
      }
      let outcome: IngestOutcome;
      if (put.status === 'reanalysed') {
        await this.keepSignature(put.id, body);
        outcome = { what, status: 'reanalysed', reportId: put.id };
      } else {
        const link = await this.linkDuplicate(put.id, body);
        outcome = { what, status: link ? link.relation : 'new', reportId: put.id, canonicalReportId: link?.canonical };
      }
      await this.audit.record({
        actor: options.actor ?? 'system',
        action: put.status === 'new' ? 'report.create' : 'report.reanalysed',
        subject: `report:${put.id}`,
        after: {
          input: what,
          status: outcome.status,
          events: analysis.events.length,
          ...(outcome.canonicalReportId !== undefined ? { canonicalReportId: outcome.canonicalReportId } : {}),
        },
      });
      return outcome;
    });
  }

  private async keepSignature(reportId: number, body: string): Promise<Uint32Array> {
    const sig = signature(body);
    await this.store.putSignature(reportId, toBytes(sig), [...bandKeys(sig)]);
    return sig;
  }

  /** Finds the closest stored copy or version and links the new report to that story's canonical. */
  private async linkDuplicate(
    reportId: number,
    body: string,
  ): Promise<{ relation: Exclude<Relation, 'distinct'>; canonical: number } | null> {
    const sig = signature(body);
    const keys = [...bandKeys(sig)];
    const candidates = (await this.store.findSignatureCandidates(keys)).map((c) => ({
      reportId: c.reportId,
      canonicalReportId: c.canonicalReportId,
      signature: fromBytes(c.signature),
    }));
    const best = chooseCanonical(reportId, sig, candidates);
    await this.store.putSignature(reportId, toBytes(sig), keys);
    if (!best) return null;
    await this.store.setCanonical(reportId, best.canonical);
    return { relation: best.relation, canonical: best.canonical };
  }

  private async setAside(what: string, reason: string, detail?: string, actor = 'system'): Promise<IngestOutcome> {
    try {
      await this.store.transaction(async () => {
        const id = await this.store.quarantine({ what, reason, detail: detail ?? null });
        await this.audit.record({
          actor,
          action: 'quarantine.create',
          subject: `quarantine:${id}`,
          after: { what, reason },
        });
      });
      return { what, status: 'quarantined', reason };
    } catch (err) {
      return { what, status: 'failed', reason: `${reason}; and it could not be quarantined: ${reasonOf(err)}` };
    }
  }
}

function count(s: IngestSummary, o: IngestOutcome): void {
  if (o.status === 'new') s.new++;
  else if (o.status === 'copy') s.copies++;
  else if (o.status === 'version') s.versions++;
  else if (o.status === 'unchanged') s.unchanged++;
  else if (o.status === 'reanalysed') s.reanalysed++;
  else if (o.status === 'quarantined') s.quarantined++;
  else s.failed++;
}
