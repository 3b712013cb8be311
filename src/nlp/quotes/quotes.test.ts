import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Doc } from '../../core/document.js';
import { plainCleanLayer } from '../clean/plain-layer.js';
import { createQuotesStage, findQuotes } from './quotes.stage.js';
import { loadLexicon } from './lexicon.js';
import type { EntitySpec } from './test-doc.js';
import { docParts, quoteTable, type QuoteRow } from './test-doc.js';

const lex = loadLexicon();

const ENTITIES: EntitySpec[] = [
  ['Sergei Lavrov', 'person', 'Sergei Lavrov'],
  ['Lavrov', 'person', 'Sergei Lavrov'],
  ['John Kerry', 'person', 'John Kerry'],
  ['Kerry', 'person', 'John Kerry'],
  ['Angela Merkel', 'person', 'Angela Merkel'],
  ['Staffan de Mistura', 'person', 'Staffan de Mistura'],
  ['State Department', 'organization', 'U.S. Department of State'],
  ['Syrian Observatory for Human Rights', 'organization', 'Syrian Observatory for Human Rights'],
  ['Observatory', 'organization', 'Syrian Observatory for Human Rights'],
  ['Turkish Ministry of Defence', 'organization', 'Ministry of Defence of Turkey'],
  ['Ahrar al-Sham', 'group', 'Ahrar al-Sham'],
];

const ROWS: QuoteRow[] = [
  {
    name: 'quote then "X told reporters"',
    paragraphs: ['“The convoy will leave at dawn,” Lavrov told reporters after talks in Geneva.'],
    expected: [['The convoy will leave at dawn', 'Sergei Lavrov', 'direct']],
  },
  {
    name: 'quote then "said X"',
    paragraphs: ['“We will not give up the road,” said Kerry.'],
    expected: [['We will not give up the road', 'John Kerry', 'direct']],
  },
  {
    name: 'cue before the quote with a colon',
    paragraphs: ['Kerry said on Sunday: “Both sides have agreed on the map.”'],
    expected: [['Both sides have agreed on the map', 'John Kerry', 'direct']],
  },
  {
    name: 'straight quotes and an apposition',
    paragraphs: ['"The shelling has not stopped for a day," Kerry, the top U.S. diplomat, said.'],
    expected: [['The shelling has not stopped for a day', 'John Kerry', 'direct']],
  },
  {
    name: 'pronoun resolves to the previous paragraph',
    paragraphs: [
      'Angela Merkel met aid groups in Berlin on Monday.',
      '“The people of Aleppo need bread, not promises,” she said.',
    ],
    expected: [['The people of Aleppo need bread', 'Angela Merkel', 'direct']],
  },
  {
    name: 'pronoun prefers the last speaker over a later-named person',
    paragraphs: [
      '“We are not there yet,” Kerry told reporters after meeting Staffan de Mistura in Geneva.',
      '“There are still two issues to settle,” he said.',
    ],
    expected: [
      ['We are not there yet', 'John Kerry', 'direct'],
      ['There are still two issues', 'John Kerry', 'direct'],
    ],
  },
  {
    name: 'quote split by its cue gives two quotes with one speaker',
    paragraphs: ['“The talks were hard,” Lavrov said. “But we will meet again on Tuesday in Geneva.”'],
    expected: [
      ['The talks were hard', 'Sergei Lavrov', 'direct'],
      ['But we will meet again', 'Sergei Lavrov', 'direct'],
    ],
  },
  {
    name: 'a paragraph that is only a quote continues the previous speaker',
    paragraphs: ['“The road north of Aleppo must stay open,” Kerry said.', '“Without it there is no deal at all.”'],
    expected: [
      ['The road north of Aleppo', 'John Kerry', 'direct'],
      ['Without it there is no deal', 'John Kerry', 'direct'],
    ],
  },
  {
    name: 'unnamed official of an organisation',
    paragraphs: ['A senior State Department official, who declined to be named, said the rebels had left the town.'],
    expected: [['the rebels had left the town', 'U.S. Department of State (unnamed senior official)', 'indirect']],
  },
  {
    name: 'X said that CLAUSE',
    paragraphs: ['The Syrian Observatory for Human Rights said that twelve civilians had been killed in Idlib.'],
    expected: [['twelve civilians had been killed', 'Syrian Observatory for Human Rights', 'indirect']],
  },
  {
    name: 'X said earlier that CLAUSE, with a long subject',
    paragraphs: [
      "Russia's Foreign Minister Sergei Lavrov, also speaking in Geneva, said earlier that a deal was near.",
    ],
    expected: [['a deal was near', 'Sergei Lavrov', 'indirect']],
  },
  {
    name: 'CLAUSE, X said',
    paragraphs: ['Rebels shelled two districts of western Aleppo overnight, the Observatory said.'],
    expected: [['Rebels shelled two districts', 'Syrian Observatory for Human Rights', 'indirect']],
  },
  {
    name: 'according to X, CLAUSE',
    paragraphs: ['According to the Observatory, the bakery in Atarib was hit twice.'],
    expected: [['the bakery in Atarib was hit twice', 'Syrian Observatory for Human Rights', 'indirect']],
  },
  {
    name: 'X emerged to say CLAUSE',
    paragraphs: ['Kerry emerged alone to say the two delegations would meet again on Monday.'],
    expected: [['the two delegations would meet again', 'John Kerry', 'indirect']],
  },
  {
    name: 'X told reporters CLAUSE',
    paragraphs: ['Lavrov told reporters the convoy had been searched at the border.'],
    expected: [['the convoy had been searched', 'Sergei Lavrov', 'indirect']],
  },
  {
    name: '"the ministry said" refers back to the named ministry',
    paragraphs: [
      'The Turkish Ministry of Defence announced a new operation.',
      'The ministry said its tanks had crossed into Syria near Jarablus.',
    ],
    expected: [
      // "announced" takes its object as the content when no clause follows (cues.yaml: or-object).
      ['a new operation', 'Ministry of Defence of Turkey', 'indirect'],
      ['its tanks had crossed into Syria', 'Ministry of Defence of Turkey', 'indirect'],
    ],
  },
  {
    name: 'description without an organisation stays as written',
    paragraphs: ['A local doctor said three children were among the wounded.'],
    expected: [['three children were among the wounded', 'A local doctor', 'indirect']],
  },
  {
    name: 'not speech: "the said", "reported" without content, negation',
    paragraphs: [
      'The said agreement was signed in Geneva.',
      'The attack was first reported by Ahrar al-Sham.',
      'Kerry did not say whether the deal would hold.',
    ],
    expected: [],
  },
  {
    name: 'scare quotes and titles are not direct quotes (the characterisation is a stance)',
    paragraphs: ['Lavrov called the plan a "fair deal" in an interview with "Face the Nation" on Sunday.'],
    expected: [['the plan a "fair deal"', 'Sergei Lavrov', 'indirect']],
  },
  {
    name: 'quote inside reported speech is part of the indirect content',
    paragraphs: ['Kerry said the plan was “a real step toward peace” for the people of Aleppo.'],
    expected: [['the plan was', 'John Kerry', 'indirect']],
  },
  {
    name: 'a letter speaks for its named author',
    paragraphs: [
      'A letter from Staffan de Mistura reached both delegations on Friday.',
      'The talks would resume in Geneva next week, the letter dated March 2 said.',
    ],
    expected: [['The talks would resume', 'Staffan de Mistura', 'indirect']],
  },
  {
    name: 'a letter with no author named is "letter", without its date',
    paragraphs: ['The talks would resume in Geneva next week, the letter dated March 2 said.'],
    expected: [['The talks would resume', 'letter', 'indirect']],
  },
  {
    name: 'short quote opening its sentence, with a cue',
    paragraphs: ['“Never again,” Kerry said. “We will not give up the road.”'],
    expected: [
      ['Never again', 'John Kerry', 'direct'],
      ['We will not give up', 'John Kerry', 'direct'],
    ],
  },
  {
    name: 'scare quotes inside a sentence are not speech',
    paragraphs: ['The “humanitarian pause” began on Monday, Kerry said.'],
    expected: [['The “humanitarian pause” began', 'John Kerry', 'indirect']],
  },
  {
    name: "ASCII '' marks",
    paragraphs: ["''The convoy will leave at dawn,'' Lavrov said."],
    expected: [['The convoy will leave at dawn', 'Sergei Lavrov', 'direct']],
  },
  {
    name: 'quote signed with a dash at the paragraph end',
    paragraphs: ['“We have had no bread for a week.” ― Angela Merkel'],
    expected: [['We have had no bread', 'Angela Merkel', 'direct']],
  },
  {
    name: 'belief verb: indirect only',
    paragraphs: ['Kerry believes the truce will hold until the end of the month.'],
    expected: [['the truce will hold', 'John Kerry', 'indirect']],
  },
  {
    name: 'intention verb with a to-infinitive',
    paragraphs: ['Lavrov wants to reopen the road to Aleppo before winter.'],
    expected: [['to reopen the road', 'Sergei Lavrov', 'indirect']],
  },
  {
    name: 'they said with no earlier attribution',
    paragraphs: ['Ahrar al-Sham fighters entered the village. They said the army had withdrawn before dawn.'],
    expected: [['the army had withdrawn', 'Ahrar al-Sham', 'indirect']],
  },
  {
    name: 'stance verb: its object is the content, a coordinated "and said" keeps the subject',
    paragraphs: ['Kerry praised the opening of the crossing and said the convoy would leave on Monday.'],
    expected: [
      ['the opening of the crossing', 'John Kerry', 'indirect'],
      ['the convoy would leave', 'John Kerry', 'indirect'],
    ],
  },
  {
    name: 'according to a long source up to its comma',
    paragraphs: ['According to figures gathered by the Observatory over the winter, nine bakeries were hit.'],
    expected: [['nine bakeries were hit', 'Syrian Observatory for Human Rights', 'indirect']],
  },
  {
    name: 'quote after a colon with no speech verb: the sentence subject speaks',
    paragraphs: ['The State Department went further: “The siege of the old city must end this week.”'],
    expected: [['The siege of the old city', 'U.S. Department of State', 'direct']],
  },
  {
    name: 'quote after a colon whose subject names nobody is not attributed',
    paragraphs: ['It gets worse: “The siege of the old city must end this week.”'],
    expected: [],
  },
  {
    name: 'headline claim "Name: CLAUSE"',
    paragraphs: ['Lavrov: Russian jets will keep flying over the north'],
    expected: [['Russian jets will keep flying', 'Sergei Lavrov', 'indirect']],
  },
  {
    name: 'a sentence-closing quote followed by "He says CLAUSE": the cue reports its own clause',
    paragraphs: ['Kerry spoke in Geneva. “The crossing is closed.” He says the convoy has waited for six days.'],
    expected: [['the convoy has waited', 'John Kerry', 'indirect']],
  },
  {
    name: 'introductory clause before the subject of a participle cue',
    paragraphs: ['When the talks ended, Lavrov left Geneva, saying the road would stay closed.'],
    expected: [['the road would stay closed', 'Sergei Lavrov', 'indirect']],
  },
];

quoteTable('quotes stage: table', ROWS, ENTITIES, lex);

describe('quotes stage: spans and cues', () => {
  it('records the cue and the speaker mention as spans', () => {
    const { body, sentences, entities } = docParts(['“The road is open again,” he said.'], ENTITIES);
    const [q] = findQuotes(body, sentences, entities, lex);
    assert.equal(q?.cue?.text, 'said');
    assert.equal(q?.speakerMention?.text, 'he');
    assert.equal(q?.speaker, null);
  });

  it('runs as a stage over a document', () => {
    const { body, sentences, entities } = docParts(['Lavrov said the convoy had reached Madaya.'], ENTITIES);
    const clean = plainCleanLayer(body);
    const doc: Doc = {
      input: { raw: body, mediaType: 'text/plain' },
      clean,
      sentences,
      entities: { entities, warnings: [] },
    };
    const stage = createQuotesStage();
    assert.deepEqual(stage.needs, ['clean', 'sentences', 'entities']);
    assert.equal(stage.run(doc).quotes[0]?.speaker, 'Sergei Lavrov');
  });

  it('reported content starts after the dateline', () => {
    const { body, sentences, entities } = docParts(
      ['IDLIB, Syria (Example Wire) - Jets struck a market in the old city on Monday, the Observatory said.'],
      ENTITIES,
    );
    const dateline = { start: 0, end: body.indexOf(' - ') + 2 };
    const [q] = findQuotes(body, sentences, entities, lex, dateline);
    assert.ok(q?.text.startsWith('Jets struck a market'), q?.text);
    assert.equal(q?.speaker, 'Syrian Observatory for Human Rights');
  });

  it('every span slices out its own text (property)', () => {
    const pieces = fc.constantFrom(
      '“We will hold the line,” Kerry said.',
      'Lavrov said the convoy had left.',
      '"It is over," he told reporters.',
      'According to the Observatory, nine people died.',
      '‘Nobody told us anything at all,’ a resident said.',
      '“An unclosed quote runs on',
      'The said plan failed, the ministry said.',
      '« Nous restons ici », a dit le maire.',
      'Fighting raged near Aleppo.',
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(pieces, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        (paras) => {
          const { body, sentences, entities } = docParts(
            paras.map((p) => p.join(' ')),
            ENTITIES,
          );
          for (const q of findQuotes(body, sentences, entities, lex)) {
            for (const span of [q, q.cue, q.speakerMention]) {
              if (span) assert.equal(body.slice(span.start, span.end), span.text);
            }
            assert.ok(q.start < q.end);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
