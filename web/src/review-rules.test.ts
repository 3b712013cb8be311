import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedMoves } from './review-rules.js';

const monitor = { role: 'monitor', partyId: null } as const;
const liaison = { role: 'liaison', partyId: 'russia' } as const;
const analyst = { role: 'analyst', partyId: null } as const;

describe('review moves offered', () => {
  const table = [
    { who: 'the public', v: null, s: { kind: 'finding', state: 'machine', party: 'russia' }, want: [] },
    {
      who: 'a monitor, new finding',
      v: monitor,
      s: { kind: 'finding', state: 'machine' },
      want: ['under_review', 'disputed'],
    },
    {
      who: 'a monitor, under review',
      v: monitor,
      s: { kind: 'incident', state: 'under_review' },
      want: ['confirmed', 'rejected', 'disputed'],
    },
    {
      who: 'a monitor, unknown state',
      v: monitor,
      s: { kind: 'incident', state: 'weird' },
      want: ['under_review', 'disputed'],
    },
    {
      who: 'a liaison, finding against own party',
      v: liaison,
      s: { kind: 'finding', state: 'confirmed', party: 'russia' },
      want: ['disputed'],
    },
    {
      who: 'a liaison, a permitted act of their party',
      v: liaison,
      s: { kind: 'finding', state: 'machine', party: 'russia', status: 'permitted' },
      want: [],
    },
    {
      who: 'a liaison, a possible violation by their party',
      v: liaison,
      s: { kind: 'finding', state: 'machine', party: 'russia', status: 'possible_violation' },
      want: ['disputed'],
    },
    {
      who: 'a liaison, finding against another party',
      v: liaison,
      s: { kind: 'finding', state: 'confirmed', party: 'opposition' },
      want: [],
    },
    {
      who: 'a liaison, already disputed',
      v: liaison,
      s: { kind: 'finding', state: 'disputed', party: 'russia' },
      want: [],
    },
    { who: 'a liaison, an incident', v: liaison, s: { kind: 'incident', state: 'machine', party: 'russia' }, want: [] },
    { who: 'an analyst', v: analyst, s: { kind: 'finding', state: 'under_review' }, want: [] },
  ] as const;
  for (const t of table) it(t.who, () => assert.deepEqual(allowedMoves(t.v, t.s), t.want));
});
