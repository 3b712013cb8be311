/**
 * ACLED's six event types and their sub-types (the backbone of every event), plus the
 * truce tags ACLED files under "Other" that a ceasefire needs. Tags map back to ACLED on export.
 */
export const EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export type SubEventType = (typeof EVENT_TYPES)[EventType][number];

export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_TYPES, value);
}

export function isSubEventTypeOf(type: EventType, sub: string): sub is SubEventType {
  return (EVENT_TYPES[type] as readonly string[]).includes(sub);
}

/** Truce-specific tags; each is exported to ACLED as its event type and sub-type. */
export const TRUCE_TAGS = {
  'humanitarian:convoy-delivered': { eventType: 'Strategic developments', subEventType: 'Other' },
  'humanitarian:convoy-blocked': { eventType: 'Strategic developments', subEventType: 'Other' },
  'humanitarian:convoy-attacked': { eventType: 'Violence against civilians', subEventType: 'Attack' },
  withdrawal: { eventType: 'Strategic developments', subEventType: 'Non-violent transfer of territory' },
  redeployment: { eventType: 'Strategic developments', subEventType: 'Change to group/activity' },
  'ceasefire:declared': { eventType: 'Strategic developments', subEventType: 'Agreement' },
  'ceasefire:breakdown': { eventType: 'Strategic developments', subEventType: 'Other' },
} as const satisfies Record<string, { eventType: EventType; subEventType: SubEventType }>;

export type TruceTag = keyof typeof TRUCE_TAGS;

export function isTruceTag(value: string): value is TruceTag {
  return Object.hasOwn(TRUCE_TAGS, value);
}

/** How sure the report is that the event happened (DESIGN.md: modality of each claim). */
export const MODALITIES = ['asserted', 'claimed', 'denied', 'planned', 'hypothetical', 'negated'] as const;
export type Modality = (typeof MODALITIES)[number];

/** ACLED geo_precision: 1 = the town itself, 2 = near it or part of a region, 3 = only the region. */
export type GeoPrecision = 1 | 2 | 3;
