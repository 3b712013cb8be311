import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './quotes.stage.js';
import { loadCues, loadLexicon } from './lexicon.js';
import { docParts } from './test-doc.js';

const lex = loadLexicon();
const cues = loadCues();

// Every cue in data/quotes/cues.yaml must find speech in its own example sentence.
describe('cues.yaml: each entry on its own example', () => {
  for (const entry of cues.verbs) {
    it(`verb ${entry.forms[0]}`, () => {
      const { body, sentences, entities } = docParts([entry.example], []);
      const quotes = findQuotes(body, sentences, entities, lex);
      assert.equal(quotes.length, 1, `no quote in "${entry.example}"`);
      assert.ok(entry.forms.includes(quotes[0]!.cue!.text.toLowerCase()));
    });
  }
  it('nouns', () => {
    const { body, sentences, entities } = docParts([cues.nouns.example], []);
    const quotes = findQuotes(body, sentences, entities, lex);
    assert.equal(quotes.length, 1, `no quote in "${cues.nouns.example}"`);
    assert.ok(cues.nouns.words.includes(quotes[0]!.cue!.text.toLowerCase()));
  });
  for (const entry of cues.phrases) {
    it(`phrase ${entry.id}`, () => {
      const { body, sentences, entities } = docParts([entry.example], []);
      const quotes = findQuotes(body, sentences, entities, lex);
      assert.equal(quotes.length, 1, `no quote in "${entry.example}"`);
      // The cue is the pattern's match (patterns may look around it: "in(?= a poll ...)"), from where
      // a look-behind group `lead` starts ("expected to" after "(?<=(?<lead>was )expected to)").
      const m = new RegExp(entry.pattern, 'i').exec(body);
      assert.ok(m, `pattern does not match "${entry.example}"`);
      const lead = m.groups?.lead ?? '';
      assert.equal(quotes[0]!.cue!.start, m.index - lead.length);
      assert.equal(quotes[0]!.cue!.text, lead + m[0]);
    });
  }
});
