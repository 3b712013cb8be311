/**
 * The public JSON contract of `truce analyze --format json` (DESIGN.md). Field names follow
 * ACLED; spans are `[start, end)` offsets into `report.body`. The type is inferred from the schema
 * so the two cannot drift.
 */
import { z } from 'zod';
import { EVENT_TYPE_NAMES, MODALITIES } from './taxonomy.js';

const offset = z.number().int().nonnegative();

export const AnalysisSchema = z.strictObject({
  report: z.strictObject({
    headline: z.string().nullable(),
    published: z.string().nullable(),
    dateline: z.string().nullable(),
    body: z.string(),
    removed: z.array(z.strictObject({ text: z.string(), reason: z.string() })),
  }),
  entities: z.array(
    z.strictObject({
      text: z.string(),
      type: z.enum(['person', 'organization', 'place', 'group']),
      canonical: z.string(),
      start: offset,
      end: offset,
    }),
  ),
  quotes: z.array(
    z.strictObject({
      text: z.string(),
      speaker: z.string().nullable(),
      speaker_mention: z.string().nullable(),
      cue: z.string().nullable(),
      kind: z.enum(['direct', 'indirect']),
      start: offset,
      end: offset,
    }),
  ),
  events: z.array(
    z.strictObject({
      event_type: z.enum(EVENT_TYPE_NAMES as [string, ...string[]]),
      sub_event_type: z.string(),
      actor1: z.string().nullable(),
      assoc_actor_1: z.string().nullable(),
      actor2: z.string().nullable(),
      assoc_actor_2: z.string().nullable(),
      location: z.string().nullable(),
      admin1: z.string().nullable(),
      country: z.string().nullable(),
      latitude: z.number().min(-90).max(90).nullable(),
      longitude: z.number().min(-180).max(180).nullable(),
      geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
      event_date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
      time_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
      fatalities: z.number().int().nonnegative().nullable(),
      modality: z.enum(MODALITIES),
      source: z.string().nullable(),
      evidence: z.string(),
      start: offset,
      end: offset,
      confidence: z.number().min(0).max(1),
    }),
  ),
  warnings: z.array(z.string()),
});

export type Analysis = z.infer<typeof AnalysisSchema>;
export type AnalysisEvent = Analysis['events'][number];
