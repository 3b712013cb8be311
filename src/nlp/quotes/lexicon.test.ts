import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './quotes.stage.js';
import { z } from 'zod';
import { loadDataFile } from '../../core/data-file.js';
import { buildLexicon, loadCues, loadLexicon } from './lexicon.js';
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

// data/quotes/learned-cues.yaml (train/quotes/cues.ts, ADR 0015) adds verbs after cues.yaml.
describe('learned cues', () => {
  const speakers = loadDataFile('quotes/speakers.yaml', z.record(z.string(), z.unknown())) as unknown as Parameters<
    typeof buildLexicon
  >[1];
  const invented = {
    verbs: [
      {
        lemma: 'grumble',
        forms: ['grumbled'],
        class: 'belief' as const,
        content: 'or-object' as const,
        hits: 5,
        uses: 6,
      },
      { lemma: 'say', forms: ['say'], class: 'belief' as const, content: 'default' as const, hits: 9, uses: 9 },
    ],
  };
  const withLearned = buildLexicon(cues, speakers, invented);

  it('a learned verb gets its inflections and class, and finds its content', () => {
    assert.equal(withLearned.verbClass.get('grumbles'), 'belief', 'inflections of the lemma are cues');
    assert.ok(withLearned.takesObject.has('grumbling'), 'or-object applies to every form');
    const { body, sentences, entities } = docParts(['The mayor of Homs grumbled that the convoy was late again.'], []);
    const quotes = findQuotes(body, sentences, entities, withLearned);
    assert.equal(quotes.length, 1, 'one attribution with the learned cue');
    assert.equal(quotes[0]!.cue!.text, 'grumbled', 'the learned verb is the cue');
  });

  it('never overrides a form cues.yaml lists', () => {
    assert.equal(withLearned.verbClass.get('say'), 'speech', 'cues.yaml keeps "say" as speech');
  });

  it('the generated file loads, and lists no form of cues.yaml', () => {
    const bare = loadLexicon({ learned: false });
    assert.ok(lex.verbs.size >= bare.verbs.size, 'the learned file only adds forms');
    for (const [form, cls] of bare.verbClass) assert.equal(lex.verbClass.get(form), cls, `class of ${form} unchanged`);
  });
});
