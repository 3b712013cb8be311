// The actors a trigger can take its sides from (actor-list.ts), on invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../../core/document.js';
import { actorList } from './actor-list.js';
import { loadLexicon } from './lexicon.js';

const cues = loadLexicon().cues;

function entity(body: string, text: string, name: string, generic: boolean): Entity {
  const start = body.indexOf(text);
  return {
    start,
    end: start + text.length,
    text,
    type: 'group',
    canonical: name,
    via: 'rule',
    actor: { name, side: null, country: null, generic },
  };
}

test('a named group right before unnamed attackers is who they are ("Free Army gunmen")', () => {
  const body = 'Free Army gunmen shot dead a teacher; unknown gunmen fled.';
  const named = entity(body, 'Free Army', 'Free Army', false);
  const gunmen = entity(body, 'gunmen', 'Unidentified Armed Group', true);
  const later = { ...entity(body.slice(30), 'gunmen', 'Unidentified Armed Group', true) };
  const shifted = { ...later, start: later.start + 30, end: later.end + 30 };
  const list = actorList(body, body.toLowerCase(), [named, gunmen, shifted], [], [], null, null, cues);
  assert.deepEqual(
    list.map((e) => [e.text, e.actor?.name]),
    [
      ['Free Army gunmen', 'Free Army'],
      ['gunmen', 'Unidentified Armed Group'],
    ],
  );
});
