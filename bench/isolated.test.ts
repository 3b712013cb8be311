import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairOf, runSide, summarisePairs } from './isolated.js';

test('a pair compares the medians of its two sides, wall and CPU apart', () => {
  const pair = pairOf(
    { side: 'pipeline', wallMs: [6, 5, 40], cpuMs: [7, 6, 8] },
    { side: 'wink', wallMs: [2, 2.5, 1.5, 9], cpuMs: [2, 2, 2, 2] },
  );
  assert.deepEqual(pair, { pipelineMs: 6, pipelineCpuMs: 7, winkMs: 2.25, winkCpuMs: 2, ratio: 6 / 2.25 });
});

test('pairs are summarised by medians; the ratio is the median of the pairs, not of the medians', () => {
  const figures = summarisePairs([
    { pipelineMs: 6, pipelineCpuMs: 6, winkMs: 2, winkCpuMs: 2, ratio: 3 },
    { pipelineMs: 9, pipelineCpuMs: 9, winkMs: 2, winkCpuMs: 2, ratio: 4.5 },
    { pipelineMs: 5, pipelineCpuMs: 5, winkMs: 2.5, winkCpuMs: 2.5, ratio: 2 },
  ]);
  assert.equal(figures.pipelineMs, 6);
  assert.equal(figures.winkMs, 2);
  assert.equal(figures.ratio, 3);
  assert.equal(figures.minRatio, 2);
  assert.equal(figures.maxRatio, 4.5);
  assert.throws(() => summarisePairs([]), /no isolated pairs/);
});

test('a side that cannot run fails with its own message, not a parse error', () => {
  assert.throws(() => runSide('nonsense' as 'wink', '/nonexistent/corpus.json', 1), /isolated nonsense side failed/);
});
