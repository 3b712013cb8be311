/**
 * Mentions stage: the people, organisations and places a report points at without naming them
 * (pronouns and common-noun phrases), for the readers that need every mention and not only names
 * (re3d's scoring; later coreference, quote speakers and event actors). Names stay in the entities
 * and places layers.
 */
import type { MentionsLayer } from '../../core/document.js';
import type { Stage } from '../stage.js';
import { layer } from '../stage.js';
import { findMentions } from './find.js';
import { stateMentions } from './states.js';
import { loadMentionLexicon, type MentionLexicon } from './mentions.schema.js';

export function createMentionsStage(lex: MentionLexicon = loadMentionLexicon()): Stage<'mentions'> {
  return {
    adds: 'mentions',
    needs: ['clean', 'sentences', 'places'],
    run(doc): MentionsLayer {
      const body = layer(doc, 'clean').body;
      const sentences = layer(doc, 'sentences');
      const found = findMentions(body, sentences, lex);
      const states = stateMentions(body, sentences.tokens, layer(doc, 'places').places);
      // A state overlaps no pronoun or common noun: each finder reads different words.
      const mentions = [...found, ...states.filter((m) => !found.some((f) => f.start < m.end && m.start < f.end))];
      return { mentions: mentions.sort((a, b) => a.start - b.start), warnings: [] };
    },
  };
}
