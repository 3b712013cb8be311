import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, ReportInput } from '../src/core/document.js';
import type { StageTiming } from '../src/nlp/pipeline.js';
import { measureCorpus, type PipelineUnderTest } from './measure.js';
import type { Peer } from './peers.js';

// A stand-in pipeline with two stages that record fixed timings, so the arithmetic can be checked exactly.
function standIn(calls: { read: number; present: number }): PipelineUnderTest {
  return {
    read(input: ReportInput, timings?: StageTiming[]): Doc {
      calls.read++;
      timings?.push({ stage: 'clean', ms: 1 }, { stage: 'sentences', ms: 3 });
      return { input };
    },
    present: () => {
      calls.present++;
      return {};
    },
  };
}

const peer = (name: string, seen: string[]): Peer => ({ name, does: 'test', run: (t) => (seen.push(t), t.length) });

test('measureCorpus: per-report stage medians in pipeline order, peers on the cleaned texts, every round', () => {
  const calls = { read: 0, present: 0 };
  let collected = 0;
  const seen: string[] = [];
  const corpus = {
    name: 'test',
    inputs: [
      { raw: 'a', mediaType: 'text/plain' as const },
      { raw: 'b', mediaType: 'text/plain' as const },
    ],
    texts: ['clean a', 'clean b'],
  };
  const figures = measureCorpus(standIn(calls), [peer('p1', seen), peer('p2', [])], corpus, {
    rounds: 3,
    warmup: 1,
    collect: () => collected++,
  });
  assert.equal(calls.read, 16); // (1 warm-up + 3 rounds) x (2 re-warming reads + 2 timed reads)
  assert.equal(calls.present, 16);
  assert.equal(collected, 12); // before each of the 3 sides, in 4 rounds
  assert.deepEqual(seen.slice(0, 2), ['clean a', 'clean b']);
  assert.equal(figures.reports, 2);
  assert.equal(figures.rounds, 3);
  assert.deepEqual([...figures.stageMs.keys()], ['clean', 'sentences', 'present']);
  assert.equal(figures.stageMs.get('clean'), 1);
  assert.equal(figures.stageMs.get('sentences'), 3);
  assert.ok(
    figures.pipelineMs >= 0 &&
      figures.pipelineMinMs <= figures.pipelineMs &&
      figures.pipelineMs <= figures.pipelineMaxMs,
  );
  assert.equal(figures.peerMs.length, 2);
  assert.equal(figures.ratioToPeer.length, 2);
});

test('measureCorpus without a pipeline still times the peers', () => {
  const figures = measureCorpus(
    null,
    [peer('p', [])],
    { name: 't', inputs: [], texts: ['x'] },
    { rounds: 1, warmup: 0 },
  );
  assert.equal(figures.stageMs.size, 0);
  assert.ok(Number.isNaN(figures.pipelineMs));
  assert.ok(Number.isFinite(figures.peerMs[0]!) && figures.peerMs[0]! >= 0);
});
