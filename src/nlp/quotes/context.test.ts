import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildContext } from './context.js';
import { loadLexicon } from './lexicon.js';
import { docParts } from './test-doc.js';

const lex = loadLexicon();

/** The lower-cased words as the body lower-cased whole and sliced (or per token when lengths change). */
function expectedWords(body: string, tokens: readonly { start: number; end: number }[]): string[] {
  const lowered = body.toLowerCase();
  return lowered.length === body.length
    ? tokens.map((t) => lowered.slice(t.start, t.end))
    : tokens.map((t) => body.slice(t.start, t.end).toLowerCase());
}

function wordsOf(body: string) {
  const { sentences } = docParts([body], []);
  return { ctx: buildContext(body, sentences, [], [], lex), tokens: sentences.tokens };
}

describe('quote context words', () => {
  it('are the lower-cased body sliced at each token, with capitals, accents and a final sigma', () => {
    for (const body of [
      'The Envoy SAID on Monday that Aleppo’s convoy left.',
      'İstanbul officials told Reuters the ÉLYSÉE was informed.',
      "The sign read ΟΔΟΣ's end, the envoy said.",
    ]) {
      const { ctx, tokens } = wordsOf(body);
      assert.deepEqual(ctx.words, expectedWords(body, tokens));
    }
  });

  it('match the whole-body lower case on random text', () => {
    const piece = fc.constantFrom('Said', 'KERRY', ' ', '. ', 'Σ', 'ς', "'s", 'İ', 'é', 'Ünal', 'told', ', ', '“', '”');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), (parts) => {
        const body = parts.join('');
        const { ctx, tokens } = wordsOf(body);
        assert.deepEqual(ctx.words, expectedWords(body, tokens));
      }),
      { numRuns: 300 },
    );
  });
});
