/**
 * Use case: a signed-in person submits a report (text or HTML). It is analysed, stored with the
 * visibility their role allows (auth/principal.ts), shared with the named parties, and audited.
 */
import { parseIsoDay } from '../core/date.js';
import { TruceError } from '../core/errors.js';
import { actorOf, scopeOf, submissionVisibility, type Principal, type Visibility } from '../auth/principal.js';
import { PIPELINE_VERSION } from '../nlp/analyze.js';
import type { Store } from '../store/store.js';
import { AnalyzeService } from './analyze.service.js';
import { AuditService } from './audit.service.js';

export interface Submission {
  readonly text: string;
  readonly mediaType: 'text/plain' | 'text/html';
  readonly url?: string | null;
  readonly published?: string | null;
  readonly source?: string | null;
  readonly visibility?: Visibility;
  readonly parties?: readonly string[];
}

export class SubmitService {
  private readonly audit: AuditService;

  constructor(
    private readonly store: Store,
    private readonly analyze: AnalyzeService = new AnalyzeService(),
  ) {
    this.audit = new AuditService(store);
  }

  async submit(p: Principal, s: Submission): Promise<{ id: number; status: 'new' | 'duplicate' | 'reanalysed' }> {
    const vis = submissionVisibility(p, s);
    if (s.text.trim() === '') throw new TruceError('E002_INPUT_EMPTY', { what: 'the report' });
    const published = s.published ? parseIsoDay(s.published) : null;
    if (s.published && !published) throw new TruceError('E006_BAD_DATE', { field: 'published', value: s.published });
    const { analysis } = this.analyze.analyzeText(s.text, 'submitted report', s.mediaType, {
      ...(published ? { published } : {}),
      ...(s.source ? { source: s.source } : {}),
    });
    const put = await this.store.putReport(
      {
        raw: s.text,
        mediaType: s.mediaType,
        url: s.url ?? null,
        published: s.published ?? null,
        sourceName: s.source ?? null,
        visibility: vis.visibility,
      },
      { pipelineVersion: PIPELINE_VERSION, analysis },
      analysis.events,
    );
    // Shared after the insert: a crash in between leaves it visible to monitors only (fails closed).
    if (put.status === 'new') await this.store.access.shareReport(put.id, vis.parties);
    else if (p.role === 'liaison' && !(await this.store.access.canSee(put.id, scopeOf(p))))
      // They hold the very text already; sharing it with their party reveals only that it was known.
      await this.store.access.shareReport(put.id, vis.parties);
    await this.audit.record({
      actor: actorOf(p),
      action: put.status === 'new' ? 'report.create' : `report.${put.status}`,
      subject: `report:${put.id}`,
      after: { visibility: vis.visibility, parties: [...vis.parties], events: analysis.events.length },
    });
    return put;
  }
}
