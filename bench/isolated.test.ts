import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairOf, runSide, sideOrder, summarisePairs } from './isolated.js';

test('a pair compares the medians of its two sides, wall and CPU apart', () => {
  const pair = pairOf(
    { side: 'pipeline', wallMs: [6, 5, 40], cpuMs: [7, 6, 8] },
    { side: 'wink', wallMs: [2, 2.5, 1.5, 9], cpuMs: [2, 2, 2, 2] },
    { side: 'wink-pos', wallMs: [1.5, 1, 3], cpuMs: [1, 1, 1] },
  );
  assert.deepEqual(pair, {
    pipelineMs: 6,
    pipelineCpuMs: 7,
    winkMs: 2.25,
    winkCpuMs: 2,
    winkPosMs: 1.5,
    ratio: 6 / 2.25,
    ratioPos: 4,
  });
});

test('pairs are summarised by medians; the ratio is the median of the pairs, not of the medians', () => {
  const figures = summarisePairs([
    { pipelineMs: 6, pipelineCpuMs: 6, winkMs: 2, winkCpuMs: 2, winkPosMs: 1, ratio: 3, ratioPos: 6 },
    { pipelineMs: 9, pipelineCpuMs: 9, winkMs: 2, winkCpuMs: 2, winkPosMs: 1.5, ratio: 4.5, ratioPos: 6 },
    { pipelineMs: 5, pipelineCpuMs: 5, winkMs: 2.5, winkCpuMs: 2.5, winkPosMs: 2, ratio: 2, ratioPos: 2.5 },
  ]);
  assert.equal(figures.winkPosMs, 1.5);
  assert.equal(figures.ratioPos, 6);
  assert.equal(figures.minRatioPos, 2.5);
  assert.equal(figures.pipelineMs, 6);
  assert.equal(figures.winkMs, 2);
  assert.equal(figures.ratio, 3);
  assert.equal(figures.minRatio, 2);
  assert.equal(figures.maxRatio, 4.5);
  assert.throws(() => summarisePairs([]), /no isolated pairs/);
});

test('the sides take turns at running first', () => {
  assert.deepEqual(sideOrder(0), ['pipeline', 'wink', 'wink-pos']);
  assert.deepEqual(sideOrder(1), ['wink', 'wink-pos', 'pipeline']);
  assert.deepEqual(sideOrder(2), ['wink-pos', 'pipeline', 'wink']);
  assert.deepEqual(sideOrder(3), sideOrder(0));
});

test('a side that cannot run fails with its own message, not a parse error', () => {
  assert.throws(() => runSide('nonsense' as 'wink', '/nonexistent/corpus.json', 1), /isolated nonsense side failed/);
});
