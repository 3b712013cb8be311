/**
 * Use case: a monitor's field report through a structured form (who, what, where, when, how many
 * killed, source, confidence). It is checked against the ACLED taxonomy (core/taxonomy.ts), kept as
 * a report whose text is written from the fields and marked as a field report, with exactly ONE
 * event (provenance kind `field_report`) whose evidence is the sentence stating it, and then joined
 * to incidents by corroboration like any other event. Report, event, sharing and audit entry are
 * one transaction; corroboration follows, as after an ingest.
 */
import { z } from 'zod';
import type { Analysis, AnalysisEvent } from '../core/analysis.js';
import { TruceError } from '../core/errors.js';
import { EVENT_TYPE_NAMES, isSubEventTypeOf, type EventType } from '../core/taxonomy.js';
import { actorOf, requireRole, submissionVisibility, type Principal } from '../auth/principal.js';
import type { Json, Store } from '../store/store.js';
import { FIELD_REPORT_PIPELINE } from '../store/types.js';
import { AuditService } from './audit.service.js';
import { corroborateEvents } from './corroborate.service.js';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a date',
  );
const name = z.string().trim().min(1).max(200);
const precision = z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(3)]));

/** The form, as JSON; numbers may come as strings (an HTML form post sends nothing else). */
export const FieldReportSchema = z
  .strictObject({
    who: z.strictObject({ actor1: name, actor2: name.optional() }),
    what: z.strictObject({
      eventType: z.enum(EVENT_TYPE_NAMES as [EventType, ...EventType[]]),
      subEventType: z.string().min(1).max(100),
    }),
    where: z.strictObject({
      latitude: z.coerce.number().min(-90).max(90),
      longitude: z.coerce.number().min(-180).max(180),
      location: name.optional(),
      admin1: name.optional(),
      country: name.optional(),
      /** ACLED geo precision: 1 the place itself, 2 near it, 3 only the region. */
      geoPrecision: precision,
    }),
    when: z.strictObject({
      date: isoDay,
      /** ACLED time precision: 1 the day, 2 within a week, 3 only the month. Default 1. */
      precision: precision.optional(),
    }),
    fatalities: z.coerce.number().int().min(0).max(100_000).optional(),
    /** Who said so: the monitor team, an eyewitness, a hospital ... */
    source: name,
    /** How sure the monitor is, 0 to 1. */
    confidence: z.coerce.number().min(0).max(1),
    notes: z.string().trim().max(4000).optional(),
    visibility: z.enum(['public', 'monitors', 'restricted']),
    /** The parties a restricted report is shared with. */
    parties: z.array(z.string().min(1).max(80)).max(20).optional(),
  })
  .superRefine((f, ctx) => {
    if (!isSubEventTypeOf(f.what.eventType, f.what.subEventType))
      ctx.addIssue({
        code: 'custom',
        path: ['what', 'subEventType'],
        message: `"${f.what.subEventType}" is not a sub-event type of ${f.what.eventType}`,
      });
  });

export type FieldReportInput = z.input<typeof FieldReportSchema>;
export type FieldReport = z.output<typeof FieldReportSchema>;

export interface FiledReport {
  readonly reportId: number;
  readonly eventId: number;
  /** The incident corroboration put the event in (null if it stands in none). */
  readonly incidentId: number | null;
}

const PRECISION_WORDS = { 1: 'the day is known', 2: 'within a week', 3: 'only the month is known' } as const;
const GEO_WORDS = { 1: 'at the place itself', 2: 'near the place', 3: 'only the region is known' } as const;

/** The report's text written from the fields, and the event's sentence inside its body. */
export function writeFieldReport(f: FieldReport, filed: { at: string; by: number }) {
  const place = f.where.location ?? `${f.where.latitude}, ${f.where.longitude}`;
  const headline = `Field report: ${f.what.subEventType} at ${place} on ${f.when.date}`;
  const timePrecision = f.when.precision ?? 1;
  const against = f.who.actor2 ? ` against ${f.who.actor2}` : '';
  const where = [f.where.location, f.where.admin1, f.where.country].filter(Boolean).join(', ');
  const killed = f.fatalities === undefined ? 'Fatalities not known.' : `${f.fatalities} killed.`;
  const sentence =
    `On ${f.when.date} (${PRECISION_WORDS[timePrecision]}), ${f.who.actor1}${against}: ` +
    `${f.what.eventType}, ${f.what.subEventType}, ${where ? `at ${where} ` : ''}` +
    `(${f.where.latitude}, ${f.where.longitude}; ${GEO_WORDS[f.where.geoPrecision]}). ${killed}`;
  const lead = `FIELD REPORT entered by a monitor through the structured form, filed ${filed.at} by user ${filed.by}.`;
  const tail = `Source: ${f.source}. Confidence: ${f.confidence}.${f.notes ? `\n\nNotes: ${f.notes}` : ''}`;
  const body = `${lead}\n\n${sentence}\n\n${tail}`;
  const start = body.indexOf(sentence);
  return { headline, body, raw: `${headline}\n\n${body}`, sentence, start, end: start + sentence.length };
}

export class FieldReportService {
  private readonly audit: AuditService;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = new AuditService(store);
  }

  async file(by: Principal | null, input: unknown): Promise<FiledReport> {
    const p = requireRole(by, 'admin', 'monitor');
    const parsed = FieldReportSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TruceError('E007_BAD_OPTION', {
        option: issue?.path.join('.') || 'field report',
        reason: issue?.message ?? 'invalid',
      });
    }
    const f = parsed.data;
    const vis = submissionVisibility(p, { visibility: f.visibility, parties: f.parties });
    const at = this.now().toISOString();
    const text = writeFieldReport(f, { at, by: p.userId });
    const event: AnalysisEvent = {
      event_type: f.what.eventType,
      sub_event_type: f.what.subEventType,
      actor1: f.who.actor1,
      assoc_actor_1: null,
      actor2: f.who.actor2 ?? null,
      assoc_actor_2: null,
      location: f.where.location ?? null,
      admin1: f.where.admin1 ?? null,
      country: f.where.country ?? null,
      latitude: f.where.latitude,
      longitude: f.where.longitude,
      geo_precision: f.where.geoPrecision,
      event_date: f.when.date,
      time_precision: f.when.precision ?? 1,
      fatalities: f.fatalities ?? null,
      modality: 'asserted',
      source: f.source,
      evidence: text.sentence,
      start: text.start,
      end: text.end,
      confidence: f.confidence,
    };
    const analysis: Analysis = {
      report: { headline: text.headline, published: at.slice(0, 10), dateline: null, body: text.body, removed: [] },
      entities: [],
      quotes: [],
      events: [event],
      warnings: [],
    };
    const stored = await this.store.transaction(async () => {
      const put = await this.store.putReport(
        {
          raw: text.raw,
          mediaType: 'text/plain',
          url: null,
          published: at.slice(0, 10),
          sourceName: f.source,
          visibility: vis.visibility,
        },
        { pipelineVersion: FIELD_REPORT_PIPELINE, analysis },
        [event],
      );
      if (put.status !== 'new')
        throw new TruceError('E024_CONFLICT', { reason: 'this field report was filed already' });
      await this.store.access.shareReport(put.id, vis.parties);
      const [e] = await this.store.listEvents({ reportId: put.id });
      if (!e) throw new Error('field report stored without its event');
      await this.audit.record({
        actor: actorOf(p),
        action: 'field_report.create',
        subject: `report:${put.id}`,
        after: { eventId: e.id, visibility: vis.visibility, parties: [...vis.parties], form: formJson(f) },
      });
      return { reportId: put.id, eventId: e.id };
    });
    await corroborateEvents(this.store, [stored.eventId]);
    const [incidentId] = await this.store.incidents.incidentIdsOfEvents([stored.eventId]);
    return { ...stored, incidentId: incidentId ?? null };
  }
}

/** The form as the audit log keeps it (no undefined values). */
function formJson(f: FieldReport): Json {
  return JSON.parse(JSON.stringify(f)) as Json;
}
