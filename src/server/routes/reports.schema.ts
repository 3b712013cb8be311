/** Request schemas of /api/reports; handler types are inferred from them. */
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const visibility = z.enum(['public', 'monitors', 'restricted']);
const party = z.string().min(1).max(80);

/** The text itself, or only a `url` for the server to fetch (with size and time limits). */
export const SubmitJsonBody = z
  .strictObject({
    text: z.string().min(1).optional(),
    format: z.enum(['text', 'html']).default('text'),
    url: z.url().max(2000).optional(),
    published: isoDay.optional(),
    source: z.string().min(1).max(200).optional(),
    visibility: visibility.optional(),
    parties: z.array(party).max(20).optional(),
  })
  .refine((b) => b.text !== undefined || b.url !== undefined, { message: 'give the text or a url', path: ['text'] });

/** For a raw text/plain or text/html body, the other fields come as query parameters. */
export const SubmitQuery = z.strictObject({
  url: z.url().max(2000).optional(),
  published: isoDay.optional(),
  source: z.string().min(1).max(200).optional(),
  visibility: visibility.optional(),
  parties: z
    .string()
    .max(2000)
    .transform((s) => s.split(',').filter((p) => p !== ''))
    .optional(),
});

export const SubmitBody = z.union([z.string().min(1), SubmitJsonBody]);

export const ListReportsQuery = z.strictObject({
  q: z.string().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ReportParams = z.strictObject({ id: z.coerce.number().int().positive() });
