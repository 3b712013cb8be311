/**
 * ACLED exports: today's schema (event_type + sub_event_type, "21 March 2020" dates) and the
 * pre-2019 ones (one event_type of an older taxonomy, mapped by data/import/acled-old-event-types.yaml;
 * ally_actor_N for assoc_actor_N; upper-case Asia headers; ISO or 01-January-2015 dates).
 */
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';
import { EVENT_TYPE_NAMES, isEventType, isSubEventTypeOf, type EventType } from '../../core/taxonomy.js';
import {
  columnIndex,
  coordinate,
  count,
  eventType,
  parseDay,
  point,
  precision,
  required,
  RowError,
  text,
  type DatasetReader,
  type RowMapper,
} from './fields.js';

const typeName = z.enum(EVENT_TYPE_NAMES as [EventType, ...EventType[]]);
const OldTypesSchema = z.strictObject({
  types: z.array(
    z.strictObject({
      old: z.string().min(1),
      event_type: typeName,
      sub_event_type: z.string().nullable(),
      by_inter1: z.record(z.string(), typeName).optional(),
    }),
  ),
});
export type OldAcledType = z.infer<typeof OldTypesSchema>['types'][number];

let oldTypes: Map<string, OldAcledType> | null = null;
/** Pre-2019 ACLED event types (lower-cased) -> today's type, from data/import/acled-old-event-types.yaml. */
export function loadOldAcledTypes(): ReadonlyMap<string, OldAcledType> {
  oldTypes ??= new Map(
    loadDataFile('import/acled-old-event-types.yaml', OldTypesSchema).types.map((t) => [t.old.toLowerCase(), t]),
  );
  return oldTypes;
}

const ALIASES: Record<string, string> = { ally_actor_1: 'assoc_actor_1', ally_actor_2: 'assoc_actor_2' };
const NEEDED = ['event_id_cnty', 'event_date', 'event_type'];

export const acledReader: DatasetReader = {
  dataset: 'acled',
  delimiter: ',',
  quoted: true,
  header: true,
  prepare(header): RowMapper {
    const col = columnIndex(header ?? [], ALIASES);
    const missing = NEEDED.filter((c) => !col.has(c));
    if (missing.length) throw new RowError(`not an ACLED export: no ${missing.join(', ')} column`);
    const at = (name: string) => col.get(name) ?? -1;
    const [idCnty, idNo, date, type, sub, a1, aa1, a2, aa2, inter1] = [
      'event_id_cnty',
      'event_id_no_cnty',
      'event_date',
      'event_type',
      'sub_event_type',
      'actor1',
      'assoc_actor_1',
      'actor2',
      'assoc_actor_2',
      'inter1',
    ].map(at) as number[];
    const [loc, adm1, country, lat, lon, geo, time, fat, source, notes] = [
      'location',
      'admin1',
      'country',
      'latitude',
      'longitude',
      'geo_precision',
      'time_precision',
      'fatalities',
      'source',
      'notes',
    ].map(at) as number[];
    const hasSub = sub! >= 0;
    const old = hasSub ? null : loadOldAcledTypes();
    return (row) => {
      let id = required(row[idCnty!], 'event_id_cnty');
      // Some old Asia exports swapped the two id columns (a bare number in event_id_cnty).
      const other = idNo! >= 0 ? text(row[idNo!]) : null;
      if (/^\d+$/.test(id) && other && !/^\d+$/.test(other)) id = other;
      const rawType = required(row[type!], 'event_type');
      let event_type: EventType;
      let sub_event_type: string;
      if (hasSub) {
        event_type = eventType(rawType);
        // Empty = sub-type unknown (how we export rows mapped from the old taxonomy).
        sub_event_type = text(row[sub!]) ?? '';
        if (sub_event_type !== '' && !isSubEventTypeOf(event_type, sub_event_type))
          throw new RowError(`sub_event_type "${sub_event_type.slice(0, 60)}" is not a sub-type of ${event_type}`);
      } else {
        const mapped = old!.get(rawType.toLowerCase());
        if (!mapped) {
          if (!isEventType(rawType))
            throw new RowError(`event_type "${rawType.slice(0, 60)}" is neither today's nor a known old type`);
          event_type = rawType;
          sub_event_type = '';
        } else {
          const byInter = mapped.by_inter1?.[text(row[inter1!]) ?? ''];
          event_type = byInter ?? mapped.event_type;
          sub_event_type = byInter ? '' : (mapped.sub_event_type ?? '');
        }
      }
      return {
        sourceId: id,
        fields: {
          event_type,
          sub_event_type,
          actor1: text(row[a1!]),
          assoc_actor_1: text(row[aa1!]),
          actor2: text(row[a2!]),
          assoc_actor_2: text(row[aa2!]),
          location: text(row[loc!]),
          admin1: text(row[adm1!]),
          country: text(row[country!]),
          ...point(coordinate(row[lat!], 'latitude'), coordinate(row[lon!], 'longitude')),
          geo_precision: precision(row[geo!], 'geo_precision'),
          event_date: parseDay(row[date!] ?? '', 'event_date'),
          time_precision: precision(row[time!], 'time_precision'),
          fatalities: count(row[fat!], 'fatalities'),
          modality: 'asserted',
          source: text(row[source!]),
          evidence: text(row[notes!]) ?? '',
          confidence: 1,
        },
      };
    };
  },
};
