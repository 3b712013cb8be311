/**
 * Invented ACLED-shaped events for benchmarks: dates over several years with a slow trend and
 * weekly noise, places clustered around a few dozen towns in six countries, ACLED's type mix and a
 * long-tailed fatality count. Seeded, so every run generates the same rows. No real event is copied.
 */
import type { NewImportedEvent } from '../../src/store/types.js';

/** Mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Hub {
  readonly country: string;
  readonly admin1: string;
  readonly town: string;
  readonly lat: number;
  readonly lon: number;
  readonly weight: number;
}

// Approximate town centres; each country has hubs of very different activity.
const HUBS: Hub[] = [
  ['Syria', 'Aleppo', 'Aleppo', 36.2, 37.16, 10],
  ['Syria', 'Idlib', 'Idlib', 35.93, 36.63, 8],
  ['Syria', 'Rural Damascus', 'Douma', 33.57, 36.4, 6],
  ['Syria', 'Deir ez Zor', 'Deir ez Zor', 35.33, 40.14, 4],
  ['Syria', 'Hama', 'Hama', 35.13, 36.75, 3],
  ['Yemen', 'Taizz', 'Taizz', 13.58, 44.02, 7],
  ['Yemen', 'Al Hudaydah', 'Al Hudaydah', 14.8, 42.95, 4],
  ['Yemen', 'Marib', 'Marib', 15.46, 45.32, 4],
  ['Yemen', 'Sadah', 'Sadah', 16.94, 43.76, 3],
  ['Afghanistan', 'Helmand', 'Lashkar Gah', 31.59, 64.36, 6],
  ['Afghanistan', 'Kandahar', 'Kandahar', 31.61, 65.71, 5],
  ['Afghanistan', 'Kunduz', 'Kunduz', 36.73, 68.86, 4],
  ['Afghanistan', 'Nangarhar', 'Jalalabad', 34.43, 70.45, 4],
  ['Afghanistan', 'Kabul', 'Kabul', 34.53, 69.17, 3],
  ['Ukraine', 'Donetsk', 'Donetsk', 48.0, 37.8, 6],
  ['Ukraine', 'Donetsk', 'Avdiivka', 48.14, 37.74, 4],
  ['Ukraine', 'Luhansk', 'Luhansk', 48.57, 39.31, 3],
  ['Somalia', 'Banadir', 'Mogadishu', 2.05, 45.32, 5],
  ['Somalia', 'Lower Shabelle', 'Afgooye', 2.14, 45.12, 3],
  ['Nigeria', 'Borno', 'Maiduguri', 11.85, 13.16, 5],
  ['Nigeria', 'Borno', 'Bama', 11.52, 13.69, 2],
].map(([country, admin1, town, lat, lon, weight]) => ({ country, admin1, town, lat, lon, weight }) as Hub);

const TYPES: [string, string, number][] = [
  ['Battles', 'Armed clash', 28],
  ['Battles', 'Government regains territory', 1],
  ['Battles', 'Non-state actor overtakes territory', 1],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 18],
  ['Explosions/Remote violence', 'Air/drone strike', 12],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 5],
  ['Violence against civilians', 'Attack', 12],
  ['Violence against civilians', 'Abduction/forced disappearance', 2],
  ['Protests', 'Peaceful protest', 11],
  ['Protests', 'Protest with intervention', 1],
  ['Riots', 'Violent demonstration', 3],
  ['Strategic developments', 'Arrests', 2],
  ['Strategic developments', 'Looting/property destruction', 2],
  ['Strategic developments', 'Other', 2],
];
const ACTORS: Record<string, [string, string]> = {
  Syria: ['Military Forces of Syria (2000-2024)', 'Opposition Rebels (Syria)'],
  Yemen: ['Ansar Allah (Houthis)', 'Military Forces of Yemen (2016-)'],
  Afghanistan: ['Taliban', 'Military Forces of Afghanistan (2014-2021)'],
  Ukraine: ['Military Forces of Ukraine (2014-2019)', 'Pro-Russian Separatists (Ukraine)'],
  Somalia: ['Al Shabaab', 'Military Forces of Somalia (2012-)'],
  Nigeria: ['Islamic State West Africa Province', 'Military Forces of Nigeria (2015-2023)'],
};

function pick<T>(items: readonly T[], weights: readonly number[], r: number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r * total;
  for (let i = 0; i < items.length; i++) if ((x -= weights[i]!) < 0) return items[i]!;
  return items.at(-1)!;
}

/** Box-Muller normal. */
function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
}

export const FIRST_DAY = Date.UTC(2016, 0, 1);
export const DAYS = 6 * 365;
export const hubs: readonly Hub[] = HUBS;

export function* generateEvents(count: number, seed = 42): Generator<NewImportedEvent> {
  const next = rng(seed);
  const hubWeights = HUBS.map((h) => h.weight);
  const typeWeights = TYPES.map((t) => t[2]);
  for (let i = 0; i < count; i++) {
    const hub = pick(HUBS, hubWeights, next());
    const [type, sub] = pick(TYPES, typeWeights, next());
    // Activity grows over the years: sqrt bends the uniform draw towards later days.
    const day = Math.floor(Math.sqrt(next()) * DAYS);
    const date = new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);
    const spread = 0.05 + 0.25 * next();
    const lat = Math.max(-90, Math.min(90, hub.lat + normal(next) * spread));
    const lon = Math.max(-180, Math.min(180, hub.lon + normal(next) * spread));
    const [a1, a2] = ACTORS[hub.country]!;
    const swap = next() < 0.5;
    const deadly = type !== 'Protests' && next() < 0.45;
    yield {
      event_type: type as NewImportedEvent['event_type'],
      sub_event_type: sub,
      actor1: swap ? a2 : a1,
      assoc_actor_1: null,
      actor2: type === 'Violence against civilians' ? `Civilians (${hub.country})` : swap ? a1 : a2,
      assoc_actor_2: null,
      location: hub.town,
      admin1: hub.admin1,
      country: hub.country,
      latitude: Math.round(lat * 1e4) / 1e4,
      longitude: Math.round(lon * 1e4) / 1e4,
      geo_precision: pick([1, 2, 3] as const, [70, 22, 8], next()),
      event_date: date,
      time_precision: pick([1, 2, 3] as const, [85, 11, 4], next()),
      fatalities: deadly ? Math.floor(-Math.log(next() || 1e-12) * 4) : 0,
      modality: 'asserted',
      source: 'Bench generator',
      evidence: `Invented event ${i} near ${hub.town}.`,
      confidence: 1,
      provenance: { kind: 'import', dataset: 'bench', file: 'generated', row: i + 1, sourceId: `B${i + 1}` },
    };
  }
}
