/**
 * UCDP Georeferenced Event Dataset (GED) CSV. UCDP counts deaths as low/best/high; we keep `best`
 * as fatalities and the range in the evidence text. Precision codes are mapped to ACLED's below.
 */
import {
  columnIndex,
  coordinate,
  count,
  parseDay,
  point,
  required,
  RowError,
  text,
  type DatasetReader,
  type RowMapper,
} from './fields.js';

/** type_of_violence: 1 state-based, 2 non-state (both armed fighting), 3 one-sided (against civilians). */
const VIOLENCE = {
  '1': { event_type: 'Battles', sub_event_type: 'Armed clash' },
  '2': { event_type: 'Battles', sub_event_type: 'Armed clash' },
  '3': { event_type: 'Violence against civilians', sub_event_type: 'Attack' },
} as const;

/** where_prec 1 exact place, 2 within 25 km, 3 second-order admin area, 4 first-order admin area,
 *  5 linear feature, 6 country, 7 international waters -> ACLED 1 town, 2 near/part of, 3 region. */
const GEO: Record<string, 1 | 2 | 3> = { '1': 1, '2': 2, '3': 2, '4': 3, '5': 3, '6': 3, '7': 3 };

/** date_prec 1 exact day, 2 2-6 days, 3 a week, 4 a month, 5 longer -> ACLED 1 day, 2 week, 3 month. */
const TIME: Record<string, 1 | 2 | 3> = { '1': 1, '2': 2, '3': 2, '4': 3, '5': 3 };

const NEEDED = ['id', 'type_of_violence', 'date_start', 'best'];

export const ucdpReader: DatasetReader = {
  dataset: 'ucdp',
  delimiter: ',',
  quoted: true,
  header: true,
  prepare(header): RowMapper {
    const col = columnIndex(header ?? []);
    const missing = NEEDED.filter((c) => !col.has(c));
    if (missing.length) throw new RowError(`not a UCDP GED file: no ${missing.join(', ')} column`);
    const at = (name: string) => col.get(name) ?? -1;
    const c = Object.fromEntries(
      [
        'id',
        'type_of_violence',
        'side_a',
        'side_b',
        'where_coordinates',
        'adm_1',
        'country',
        'latitude',
        'longitude',
        'where_prec',
        'date_start',
        'date_end',
        'date_prec',
        'best',
        'low',
        'high',
        'source_headline',
        'source_original',
        'where_description',
      ].map((n) => [n, at(n)]),
    ) as Record<string, number>;
    return (row) => {
      const get = (n: string) => row[c[n]!];
      const violence = VIOLENCE[required(get('type_of_violence'), 'type_of_violence') as keyof typeof VIOLENCE];
      if (!violence) throw new RowError(`type_of_violence "${get('type_of_violence')}" is not 1, 2 or 3`);
      const start = parseDay(get('date_start') ?? '', 'date_start');
      const end = text(get('date_end')) ? parseDay(get('date_end')!, 'date_end') : start;
      if (end < start) throw new RowError(`date_end ${end} is before date_start ${start}`);
      const wherePrec = text(get('where_prec'));
      const datePrec = text(get('date_prec'));
      if (wherePrec && !GEO[wherePrec]) throw new RowError(`where_prec "${wherePrec}" is not 1..7`);
      if (datePrec && !TIME[datePrec]) throw new RowError(`date_prec "${datePrec}" is not 1..5`);
      const [low, best, high] = [count(get('low'), 'low'), count(get('best'), 'best'), count(get('high'), 'high')];
      const range = low !== null && high !== null ? `deaths low ${low}, best ${best ?? '?'}, high ${high}` : null;
      const evidence = [text(get('source_headline')), text(get('where_description')), range].filter(Boolean).join('; ');
      return {
        sourceId: required(get('id'), 'id'),
        fields: {
          ...violence,
          actor1: text(get('side_a')),
          assoc_actor_1: null,
          actor2: text(get('side_b')),
          assoc_actor_2: null,
          location: text(get('where_coordinates')),
          admin1: text(get('adm_1'))?.replace(/ (province|governorate|region|state)$/i, '') ?? null,
          country: text(get('country')),
          ...point(coordinate(get('latitude'), 'latitude'), coordinate(get('longitude'), 'longitude')),
          geo_precision: wherePrec ? GEO[wherePrec]! : null,
          event_date: start,
          // A span longer than a week is month precision whatever date_prec says.
          time_precision: datePrec ? TIME[datePrec]! : end === start ? 1 : null,
          fatalities: best,
          modality: 'asserted',
          source: text(get('source_original')),
          evidence,
          confidence: 1,
        },
      };
    };
  },
};
