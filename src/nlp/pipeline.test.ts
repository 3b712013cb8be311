import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../core/document.js';
import { plainCleanLayer } from './clean/plain-layer.js';
import { createPipeline, type StageTiming } from './pipeline.js';
import type { Stage } from './stage.js';

// Stages that record what they were given, built by hand: the pipeline loop is tested alone.
const clean: Stage<'clean'> = {
  adds: 'clean',
  needs: [],
  run: (doc) => plainCleanLayer(doc.input.raw.trim()),
};
const sentences: Stage<'sentences'> = {
  adds: 'sentences',
  needs: ['clean'],
  run: (doc) => ({
    paragraphs: [],
    sentences: [],
    tokens: [],
    englishScore: 1,
    english: doc.clean?.body !== 'x',
    warnings: [],
  }),
};
const entities: Stage<'entities'> = {
  adds: 'entities',
  needs: ['sentences'],
  run: () => ({ entities: [], warnings: [] }),
};

test('createPipeline refuses a stage whose needs no earlier stage adds', () => {
  assert.throws(() => createPipeline([sentences, clean]), /E?needs layer "clean"/);
});

test('run adds each layer in order; until and halt stop early', () => {
  const pipeline = createPipeline([clean, sentences, entities]);
  const input = { raw: ' text ', mediaType: 'text/plain' as const };
  assert.deepEqual(Object.keys(pipeline.run(input)), ['input', 'clean', 'sentences', 'entities']);
  assert.deepEqual(Object.keys(pipeline.run(input, { until: 'clean' })), ['input', 'clean']);
  const halted = pipeline.run({ raw: 'x', mediaType: 'text/plain' }, { halt: (d) => d.sentences?.english === false });
  assert.equal(halted.entities, undefined);
  const timings: StageTiming[] = [];
  pipeline.run(input, { timings });
  assert.deepEqual(
    timings.map((t) => t.stage),
    ['clean', 'sentences', 'entities'],
  );
});

test('resume runs only the stages whose layer is missing', () => {
  const pipeline = createPipeline([clean, sentences, entities]);
  const given: Doc = {
    input: { raw: 'raw', mediaType: 'text/plain' },
    clean: { ...clean.run({ input: { raw: 'mine', mediaType: 'text/plain' } }) },
  };
  const doc = pipeline.resume(given, { until: 'sentences' });
  assert.equal(doc.clean?.body, 'mine');
  assert.ok(doc.sentences);
  assert.equal(doc.entities, undefined);
});
