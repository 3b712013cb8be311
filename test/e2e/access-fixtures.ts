/** Request bodies for the route access tables (invented: an agreement and a field report). */

export const agreementYaml = (id: string) => `id: ${id}
title: A truce invented for the access tests
summary: Nothing real.
time_zone: Asia/Damascus
effective:
  from: 2016-09-12T19:00
sources:
  - { id: src, title: A source, publisher: Nobody, date: 2016-09 }
parties:
  - id: north
    name: North
    actors: [{ pattern: '^Northern' }]
  - id: south
    name: South
    actors: [{ pattern: '^Southern' }]
zones:
  - { id: valley, name: Valley, kind: place, center: [36.0, 35.0], radius_m: 10000, basis: test }
terms:
  - id: quiet
    kind: prohibition
    title: No fighting in the valley
    text: No fighting.
    text_kind: paraphrase
    source: [{ ref: src }]
    binds: all
    acts: { event_types: [Battles] }
    where: { zones: [valley] }
`;

export const FIELD_REPORT = {
  who: { actor1: 'Military Forces of Syria (2000-)', actor2: 'Opposition Rebels (Syria)' },
  what: { eventType: 'Battles', subEventType: 'Armed clash' },
  where: { latitude: 35.2, longitude: 36.7, location: 'Test village', country: 'Syria', geoPrecision: 2 },
  when: { date: '2016-09-19', precision: 1 },
  source: 'Access test patrol',
  confidence: 0.5,
  visibility: 'monitors',
};
