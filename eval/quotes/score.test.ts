import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDirectContent, scoreAttributions, type GoldAttribution, type PredictedAttribution } from './score.js';

// Text (invented): `"The road is open," the governor said. Aid workers said convoys were waiting.`
const gold: GoldAttribution[] = [
  { content: [[0, 19]], source: [[20, 32]], direct: true },
  { content: [[50, 76]], source: [[38, 49]], direct: false },
];

describe('attribution scoring', () => {
  it('content and speaker both right', () => {
    const pred: PredictedAttribution[] = [
      { content: [1, 17], speaker: [20, 32], direct: true },
      { content: [50, 76], speaker: [38, 49], direct: false },
    ];
    const c = scoreAttributions(gold, pred);
    assert.deepEqual(c.content, { tp: 2, fp: 0, fn: 0 });
    assert.deepEqual(c.withSpeaker, { tp: 2, fp: 0, fn: 0 });
  });
  it('content found with the wrong speaker counts only for content', () => {
    const c = scoreAttributions(gold, [{ content: [1, 17], speaker: [38, 49], direct: true }]);
    assert.deepEqual(c.content, { tp: 1, fp: 0, fn: 1 });
    assert.deepEqual(c.withSpeaker, { tp: 0, fp: 1, fn: 2 });
  });
  it('one gold attribution is matched once', () => {
    const c = scoreAttributions(gold, [
      { content: [0, 10], speaker: null, direct: true },
      { content: [5, 19], speaker: null, direct: true },
    ]);
    assert.deepEqual(c.content, { tp: 1, fp: 1, fn: 1 });
  });
  it('no source in gold and none predicted is right', () => {
    const c = scoreAttributions(
      [{ content: [[0, 5]], source: [], direct: false }],
      [{ content: [0, 5], speaker: null, direct: false }],
    );
    assert.equal(c.withSpeaker.tp, 1);
  });
  it('direct content opens with a quotation mark', () => {
    assert.equal(isDirectContent(' \u201cWe will stay,\u201d'), true);
    assert.equal(isDirectContent('that the talks failed'), false);
  });
});
