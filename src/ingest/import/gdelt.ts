/**
 * GDELT 2.0 event exports: tab-separated, no header, 61 columns, machine-coded from news. Only
 * CAMEO root codes 14/18/19/20 are conflict events (data/import/gdelt-cameo.yaml); the rest are
 * skipped and counted. GDELT has no fatality counts.
 */
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';
import { EVENT_TYPE_NAMES, type EventType } from '../../core/taxonomy.js';
import { coordinate, parseDay, point, required, RowError, text, type DatasetReader, type RowMapper } from './fields.js';

const CameoSchema = z.strictObject({
  codes: z.array(
    z.strictObject({
      code: z.string().regex(/^\d{2,4}$/),
      event_type: z.enum(EVENT_TYPE_NAMES as [EventType, ...EventType[]]),
      sub_event_type: z.string().min(1),
    }),
  ),
});
type Cameo = z.infer<typeof CameoSchema>['codes'][number];

let cameo: Map<string, Cameo> | null = null;
function loadCameo(): Map<string, Cameo> {
  cameo ??= new Map(loadDataFile('import/gdelt-cameo.yaml', CameoSchema).codes.map((c) => [c.code, c]));
  return cameo;
}

export const GDELT_COLUMNS = 61;
// Zero-based positions in the GDELT 2.0 event table.
const ID = 0,
  DAY = 1,
  ACTOR1 = 6,
  ACTOR2 = 16,
  CODE = 26,
  ROOT = 28,
  SOURCES = 32;
const GEO_TYPE = 51,
  GEO_NAME = 52,
  LAT = 56,
  LON = 57,
  URL = 60;

/** ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1). */
const GEO: Record<string, 1 | 3> = { '1': 3, '2': 3, '3': 1, '4': 1, '5': 3 };

export const gdeltReader: DatasetReader = {
  dataset: 'gdelt',
  delimiter: '\t',
  quoted: false,
  header: false,
  prepare(): RowMapper {
    const codes = loadCameo();
    return (row) => {
      if (row.length !== GDELT_COLUMNS)
        throw new RowError(`has ${row.length} columns; GDELT 2.0 events have ${GDELT_COLUMNS}`);
      const root = (row[ROOT] ?? '').trim();
      if (root !== '14' && root !== '18' && root !== '19' && root !== '20') return null;
      const code = required(row[CODE], 'EventCode');
      let hit: Cameo | undefined;
      for (let n = Math.min(code.length, 4); n >= 2 && !hit; n--) hit = codes.get(code.slice(0, n));
      if (!hit) throw new RowError(`CAMEO code ${code} has no mapping in data/import/gdelt-cameo.yaml`);
      // "Aleppo, Halab, Syria": place, first-order area, country.
      const parts = (text(row[GEO_NAME]) ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const geoType = text(row[GEO_TYPE]);
      const url = text(row[URL]);
      return {
        sourceId: required(row[ID], 'GLOBALEVENTID'),
        fields: {
          event_type: hit.event_type,
          sub_event_type: hit.sub_event_type,
          actor1: text(row[ACTOR1]),
          assoc_actor_1: null,
          actor2: text(row[ACTOR2]),
          assoc_actor_2: null,
          location: parts.length > 1 ? parts[0]! : null,
          admin1: parts.length > 2 ? parts[1]! : null,
          country: parts.length ? parts[parts.length - 1]! : null,
          ...point(coordinate(row[LAT], 'latitude'), coordinate(row[LON], 'longitude')),
          geo_precision: geoType ? (GEO[geoType] ?? null) : null,
          event_date: parseDay(row[DAY] ?? '', 'SQLDATE'),
          time_precision: 1,
          fatalities: null,
          modality: 'asserted',
          source: url,
          evidence: `CAMEO ${code}; ${text(row[SOURCES]) ?? '?'} sources${url ? `; ${url}` : ''}`,
          // Machine-coded from news text, not checked by a person.
          confidence: 0.5,
        },
      };
    };
  },
};
