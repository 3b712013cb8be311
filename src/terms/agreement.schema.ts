/**
 * The agreement file (data/agreements/*.yaml) as a zod schema. The published JSON Schema
 * (docs/agreement.schema.json) is generated from it, so the two cannot drift. Cross-references
 * (a term naming an unknown party or zone) are checked in superRefine with a path, so the
 * loader can name the line and the field.
 */
import { z } from 'zod';
import { EVENT_TYPES, EVENT_TYPE_NAMES, MODALITIES } from '../core/taxonomy.js';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id of lower-case letters, digits and hyphens (e.g. castello-road)');
const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'expected a local date-time YYYY-MM-DDTHH:MM (or a day YYYY-MM-DD)');
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const SUB_EVENT_TYPES = Object.values(EVENT_TYPES).flat() as string[];

/** How an actor string (ACLED actor1/actor2 or a canonical name) is recognised. */
const ActorMatcherSchema = z.union([
  z.strictObject({ canonical: z.string().min(1) }),
  z.strictObject({ acled: z.string().min(1) }),
  z.strictObject({ pattern: z.string().min(1) }),
]);

const SourceRefSchema = z.strictObject({
  /** An id from `sources`. */
  ref: id,
  /** Where in the document: paragraph, section, page or the sentence paraphrased. */
  locator: z.string().min(1).optional(),
});

/** An example incident that a term or rule must judge as `expect` (run by the tests). */
const ExampleSchema = z.strictObject({
  event_type: z.enum(EVENT_TYPE_NAMES as [string, ...string[]]),
  sub_event_type: z.string(),
  tags: z.array(z.string()).optional(),
  actor1: z.string().nullable().optional(),
  actor2: z.string().nullable().optional(),
  location: z.string().optional(),
  admin1: z.string().optional(),
  country: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  event_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  time_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  modality: z.enum(MODALITIES).optional(),
  evidence: z.string().optional(),
  expect: z.enum(['violation', 'possible_violation', 'permitted', 'not_covered']),
});

/** Which acts a term is about; every given field must match (fields left out match anything). */
const ActsSchema = z.strictObject({
  event_types: z.array(z.enum(EVENT_TYPE_NAMES as [string, ...string[]])).optional(),
  sub_event_types: z.array(z.string()).optional(),
  /** Truce tags (core/taxonomy.ts TRUCE_TAGS), e.g. humanitarian:convoy-blocked. */
  tags: z.array(z.string()).optional(),
  /** A regular expression (case-insensitive) over the evidence sentence, for acts no type names. */
  evidence_pattern: z.string().optional(),
});

/** Against whom: any target, the named parties, civilians, or anyone but the excluded groups. */
const AgainstSchema = z.union([
  z.literal('any'),
  z.literal('not_excluded'),
  z.literal('excluded'),
  z.strictObject({ parties: z.array(id).min(1) }),
]);

const WhereSchema = z.strictObject({
  zones: z.array(id).min(1).optional(),
  except_zones: z.array(id).optional(),
});

const WhenSchema = z.strictObject({ from: localTime.optional(), to: localTime.optional() });

const TermBase = {
  id,
  title: z.string().min(1),
  /** The clause's words: a quotation when `text_kind` is quotation, else our paraphrase. */
  text: z.string().min(1),
  text_kind: z.enum(['quotation', 'paraphrase']),
  source: z.array(SourceRefSchema).min(1),
  /** Where sources disagree or are vague, and which reading is encoded. */
  note: z.string().optional(),
  examples: z.array(ExampleSchema).optional(),
};

const ProhibitionSchema = z.strictObject({
  ...TermBase,
  kind: z.literal('prohibition'),
  /** The parties bound; `all` binds every party. */
  binds: z.union([z.literal('all'), z.array(id).min(1)]),
  acts: ActsSchema,
  where: WhereSchema.optional(),
  against: AgainstSchema.default('any'),
  when: WhenSchema.optional(),
});

const ObligationSchema = z.strictObject({
  ...TermBase,
  kind: z.literal('obligation'),
  binds: z.union([z.literal('all'), z.array(id).min(1)]),
  obligation: z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('withdraw'),
      zone: id,
      /** Local time by which the parties must be out of the zone. */
      by: localTime,
      /** Acts that show a party is present in the zone (as actor or target); any one matching. */
      presence_acts: z.array(ActsSchema).min(1),
    }),
    z.strictObject({
      type: z.literal('allow_access'),
      zone: id.optional(),
      /** Acts that deny access: convoys blocked or attacked. */
      denial_acts: ActsSchema,
    }),
    z.strictObject({
      type: z.literal('deliver_within'),
      zone: id,
      /** Days after the effective time (or `from`) within which a delivery must be reported. */
      days: z.number().int().positive(),
      from: localTime.optional(),
      delivery_acts: ActsSchema,
    }),
    z.strictObject({
      type: z.literal('cease_air_operations'),
      zone: id,
      from: localTime.optional(),
      acts: ActsSchema.default({ sub_event_types: ['Air/drone strike'] }),
    }),
  ]),
});

const PermissionSchema = z.strictObject({
  ...TermBase,
  kind: z.literal('permission'),
  /** What kind of permission, for summaries. */
  permission: z.enum(['excluded_groups', 'self_defence', 'joint_strikes', 'other']),
  by: z.union([z.literal('all'), z.array(id).min(1)]),
  acts: ActsSchema,
  against: AgainstSchema.default('any'),
  where: WhereSchema.optional(),
  /** All these parties must take part (actor1 or assoc_actor_1), e.g. agreed joint strikes. */
  requires_all: z.array(id).optional(),
  /** `permitted`: the act is allowed. `possible_violation`: allowed only if a monitor agrees
   *  (self-defence must be proportionate; a report cannot show that). */
  effect: z.enum(['permitted', 'possible_violation']),
});

export const TermSchema = z.discriminatedUnion('kind', [ProhibitionSchema, ObligationSchema, PermissionSchema]);

const ZoneBase = {
  id,
  name: z.string().min(1),
  basis: z.string().min(1),
  /** Place names that lie inside the zone by definition ("Castello Road"), whatever their coordinates' precision. */
  place_names: z.array(z.string().min(1)).optional(),
};
export const ZoneSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...ZoneBase,
    kind: z.literal('polygon'),
    geometry: z.strictObject({
      type: z.literal('Polygon'),
      coordinates: z.array(z.array(lonLat).min(4, 'a ring needs at least 4 positions (first = last)')).min(1),
    }),
  }),
  z.strictObject({
    ...ZoneBase,
    kind: z.literal('route'),
    geometry: z.strictObject({ type: z.literal('LineString'), coordinates: z.array(lonLat).min(2) }),
    buffer_m: z.number().positive(),
  }),
  z.strictObject({
    ...ZoneBase,
    kind: z.literal('place'),
    center: lonLat,
    radius_m: z.number().positive(),
  }),
  z.strictObject({
    ...ZoneBase,
    kind: z.literal('admin'),
    country: z.string().min(1),
    admin1: z.array(z.string().min(1)).optional(),
  }),
]);

const PartySchema = z.strictObject({
  id,
  name: z.string().min(1),
  actors: z.array(ActorMatcherSchema).min(1),
  /** The party that answers for this one (a guarantor: Russia for the Syrian government). */
  answerable_to: id.optional(),
  /** Capabilities used to narrow an unidentified perpetrator, e.g. only parties with aircraft. */
  capabilities: z.array(z.enum(['air'])).optional(),
  note: z.string().optional(),
});

const PhaseSchema = z.strictObject({
  id,
  name: z.string().min(1),
  starts: z.union([localTime, z.strictObject({ after: id })]),
  duration_hours: z.number().positive().optional(),
  gate: z
    .strictObject({
      consecutive_days: z.number().int().positive(),
      max_violations_per_party_per_day: z.number().int().nonnegative(),
      /** violations: only certain findings count; with_possible: possible ones count too. */
      counts: z.enum(['violations', 'with_possible']).default('violations'),
      then: z.string().min(1),
    })
    .optional(),
  source: z.array(SourceRefSchema).min(1),
  note: z.string().optional(),
});

export const AgreementSchema = z
  .strictObject({
    id,
    title: z.string().min(1),
    summary: z.string().min(1),
    /** IANA time zone of every local time in the file, e.g. Asia/Damascus. */
    time_zone: z.string().min(1),
    effective: z.strictObject({ from: localTime, to: localTime.optional(), note: z.string().optional() }),
    sources: z
      .array(
        z.strictObject({
          id,
          title: z.string().min(1),
          publisher: z.string().min(1),
          date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM-DD or YYYY-MM'),
          url: z.string().url().optional(),
          note: z.string().optional(),
        }),
      )
      .min(1),
    parties: z.array(PartySchema).min(1),
    excluded_groups: z
      .array(z.strictObject({ id, name: z.string().min(1), actors: z.array(ActorMatcherSchema).min(1) }))
      .default([]),
    /** Actor names that mean "we do not know who" (matched before parties). */
    unidentified_actors: z.array(ActorMatcherSchema).default([{ pattern: '^(unidentified|unknown)\\b' }]),
    /** Radius of doubt in metres for each ACLED geo_precision (1 town, 2 near/part of region, 3 region). */
    geo_uncertainty_m: z
      .strictObject({ '1': z.number().nonnegative(), '2': z.number().nonnegative(), '3': z.number().nonnegative() })
      .default({ '1': 2000, '2': 15000, '3': 60000 }),
    zones: z.array(ZoneSchema).default([]),
    terms: z.array(TermSchema).min(1),
    reduced_violence: z
      .strictObject({ max_violations_per_party_per_day: z.number().int().nonnegative() })
      .default({ max_violations_per_party_per_day: 0 }),
    phases: z.array(PhaseSchema).default([]),
  })
  .superRefine((a, ctx) => {
    const partyIds = new Set(a.parties.map((p) => p.id));
    const zoneIds = new Set(a.zones.map((z) => z.id));
    const sourceIds = new Set(a.sources.map((s) => s.id));
    const phaseIds = new Set(a.phases.map((p) => p.id));
    const bad = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (list: { id: string }[], key: string) => {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        if (seen.has(x.id)) bad([key, i, 'id'], `duplicate id "${x.id}"`);
        seen.add(x.id);
      });
    };
    unique(a.parties, 'parties');
    unique(a.zones, 'zones');
    unique(a.terms, 'terms');
    unique(a.sources, 'sources');
    unique(a.phases, 'phases');
    try {
      new Intl.DateTimeFormat('en', { timeZone: a.time_zone });
    } catch {
      bad(['time_zone'], `expected an IANA time zone such as Asia/Damascus, got "${a.time_zone}"`);
    }
    const party = (path: (string | number)[], pid: string) => {
      if (!partyIds.has(pid)) bad(path, `unknown party "${pid}" (expected one of: ${[...partyIds].join(', ')})`);
    };
    const zone = (path: (string | number)[], zid: string) => {
      if (!zoneIds.has(zid))
        bad(path, `unknown zone "${zid}" (expected one of: ${[...zoneIds].join(', ') || 'none defined'})`);
    };
    const regex = (path: (string | number)[], pattern: string) => {
      try {
        new RegExp(pattern, 'i');
      } catch (e) {
        bad(path, `invalid regular expression: ${(e as Error).message}`);
      }
    };
    const acts = (path: (string | number)[], x: z.infer<typeof ActsSchema>) => {
      x.sub_event_types?.forEach((s, i) => {
        if (!SUB_EVENT_TYPES.includes(s)) bad([...path, 'sub_event_types', i], `unknown ACLED sub-event type "${s}"`);
      });
      if (x.evidence_pattern) regex([...path, 'evidence_pattern'], x.evidence_pattern);
    };
    a.parties.forEach((p, i) => {
      if (p.answerable_to) party(['parties', i, 'answerable_to'], p.answerable_to);
      p.actors.forEach((m, j) => 'pattern' in m && regex(['parties', i, 'actors', j, 'pattern'], m.pattern));
    });
    a.terms.forEach((t, i) => {
      const at = (...rest: (string | number)[]) => ['terms', i, ...rest];
      t.source.forEach((s, j) => {
        if (!sourceIds.has(s.ref)) bad(at('source', j, 'ref'), `unknown source "${s.ref}"`);
      });
      const binds = t.kind === 'permission' ? t.by : t.binds;
      if (binds !== 'all') binds.forEach((p, j) => party(at(t.kind === 'permission' ? 'by' : 'binds', j), p));
      if (t.kind === 'obligation') {
        const o = t.obligation;
        if ('zone' in o && o.zone) zone(at('obligation', 'zone'), o.zone);
        if (o.type === 'withdraw') o.presence_acts.forEach((x, j) => acts(at('obligation', 'presence_acts', j), x));
        if (o.type === 'allow_access') acts(at('obligation', 'denial_acts'), o.denial_acts);
        if (o.type === 'deliver_within') acts(at('obligation', 'delivery_acts'), o.delivery_acts);
        return;
      }
      acts(at('acts'), t.acts);
      t.where?.zones?.forEach((z, j) => zone(at('where', 'zones', j), z));
      t.where?.except_zones?.forEach((z, j) => zone(at('where', 'except_zones', j), z));
      if (typeof t.against === 'object') t.against.parties.forEach((p, j) => party(at('against', 'parties', j), p));
      if (t.kind === 'permission') t.requires_all?.forEach((p, j) => party(at('requires_all', j), p));
    });
    a.phases.forEach((p, i) => {
      if (typeof p.starts === 'object' && !phaseIds.has(p.starts.after))
        bad(['phases', i, 'starts', 'after'], `unknown phase "${p.starts.after}"`);
      p.source.forEach((s, j) => {
        if (!sourceIds.has(s.ref)) bad(['phases', i, 'source', j, 'ref'], `unknown source "${s.ref}"`);
      });
    });
  });

export type Agreement = z.infer<typeof AgreementSchema>;
export type Term = z.infer<typeof TermSchema>;
export type Zone = z.infer<typeof ZoneSchema>;
export type Acts = z.infer<typeof ActsSchema>;
export type Against = z.infer<typeof AgainstSchema>;
export type ActorMatcher = z.infer<typeof ActorMatcherSchema>;
export type Party = Agreement['parties'][number];
export type Phase = Agreement['phases'][number];
export type TermExample = z.infer<typeof ExampleSchema>;
