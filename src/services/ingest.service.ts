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
import { corroborateEvents } from './corroborate.service.js';

/** Outcomes that wrote events, whose incidents must be recomputed. */
const STORED: ReadonlySet<IngestOutcome['status']> = new Set(['new', 'copy', 'version', 'reanalysed']);

export interface IngestOptions extends ExpandOptions {
  readonly source?: string;
  readonly published?: IsoDay;
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
  constructor(
    private readonly store: Store,
    private readonly analyzer: AnalyzeService = new AnalyzeService(),
  ) {}

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
      if (item.kind === 'bad') outcome = await this.setAside(item.what, item.reason, item.detail);
      else {
        try {
          outcome = await this.ingestOne(item.what, await item.load(), options);
        } catch (err) {
          outcome = await this.setAside(item.what, reasonOf(err));
        }
      }
      count(summary, outcome);
      if (outcome.reportId !== undefined && STORED.has(outcome.status)) stored.push(outcome.reportId);
      onItem?.(outcome, summary);
    }
    await this.corroborate(stored, summary);
    return summary;
  }

  /** Joins the events of the reports just stored into incidents (corroborate.service.ts). */
  private async corroborate(reportIds: readonly number[], summary: IngestSummary): Promise<void> {
    const eventIds: number[] = [];
    for (const reportId of reportIds) {
      for await (const e of this.store.iterateEvents({ reportId })) eventIds.push(e.id);
    }
    if (eventIds.length === 0) return;
    const result = await corroborateEvents(this.store, eventIds);
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
    const body = doc.clean?.body ?? '';
    if (put.status === 'duplicate') {
      // A run killed between the report and its signature left no signature: add it now.
      if (!(await this.store.getSignature(put.id))) await this.keepSignature(put.id, body);
      return { what, status: 'unchanged', reportId: put.id };
    }
    if (put.status === 'reanalysed') {
      await this.keepSignature(put.id, body);
      return { what, status: 'reanalysed', reportId: put.id };
    }
    const link = await this.linkDuplicate(put.id, body);
    return { what, status: link ? link.relation : 'new', reportId: put.id, canonicalReportId: link?.canonical };
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

  private async setAside(what: string, reason: string, detail?: string): Promise<IngestOutcome> {
    try {
      await this.store.quarantine({ what, reason, detail: detail ?? null });
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
