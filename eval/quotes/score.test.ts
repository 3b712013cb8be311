import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assign,
  isDirectContent,
  prfOf,
  quotedShare,
  scoreAttributions,
  type GoldAttribution,
  type PredictedAttribution,
} from './score.js';

// Text (invented): `"The road is open," the governor said. Aid workers said convoys were waiting.`
const gold: GoldAttribution[] = [
  { content: [[0, 19]], source: [[20, 32]], direct: true },
  { content: [[50, 76]], source: [[38, 49]], direct: false },
];
const direct = (g: { direct: boolean }) => g.direct;

describe('attribution scoring', () => {
  it('content and speaker both right', () => {
    const pred: PredictedAttribution[] = [
      { content: [1, 17], speaker: [[20, 32]], direct: true },
      { content: [50, 76], speaker: [[38, 49]], direct: false },
    ];
    const c = scoreAttributions(gold, pred);
    assert.deepEqual(c.content, { predicted: 2, predictedRight: 2, gold: 2, goldFound: 2 });
    assert.deepEqual(c.withSpeaker, { predicted: 2, predictedRight: 2, gold: 2, goldFound: 2 });
  });
  it('content found with the wrong speaker counts only for content', () => {
    const c = scoreAttributions(gold, [{ content: [1, 17], speaker: [[38, 49]], direct: true }]);
    assert.deepEqual(c.content, { predicted: 1, predictedRight: 1, gold: 2, goldFound: 1 });
    assert.deepEqual(c.withSpeaker, { predicted: 1, predictedRight: 0, gold: 2, goldFound: 0 });
  });
  it('a mention in the speaker chain overlapping the gold source makes the speaker right', () => {
    const c = scoreAttributions(gold, [
      {
        content: [1, 17],
        speaker: [
          [60, 62],
          [25, 32],
        ],
        direct: true,
      },
    ]);
    assert.equal(c.withSpeaker.predictedRight, 1);
  });
  it('pieces of one discontinuous gold content each count, the gold once', () => {
    const split: GoldAttribution[] = [
      {
        content: [
          [0, 10],
          [30, 50],
        ],
        source: [[12, 20]],
        direct: true,
      },
    ];
    const c = scoreAttributions(split, [
      { content: [1, 9], speaker: [[12, 20]], direct: true },
      { content: [31, 49], speaker: [[12, 20]], direct: true },
    ]);
    assert.deepEqual(c.withSpeaker, { predicted: 2, predictedRight: 2, gold: 1, goldFound: 1 });
  });
  it('a content that merely touches a gold content is not a match', () => {
    assert.equal(assign(gold, { content: [15, 45], speaker: [], direct: false }), -1);
    assert.equal(assign(gold, { content: [5, 30], speaker: [], direct: false }), 0);
  });
  it('one prediction finds at most one gold attribution (the one it overlaps most)', () => {
    const c = scoreAttributions(gold, [{ content: [0, 76], speaker: [[20, 32]], direct: false }]);
    assert.equal(c.content.goldFound, 1);
  });
  it('no source in gold and none predicted is right', () => {
    const c = scoreAttributions(
      [{ content: [[0, 5]], source: [], direct: false }],
      [{ content: [0, 5], speaker: [], direct: false }],
    );
    assert.equal(c.withSpeaker.goldFound, 1);
  });
  it('kinds: precision over our kind, recall over the gold kind, assignment across kinds', () => {
    // Our direct quote is the quoted part of a gold attribution that is mostly unquoted.
    const mixed: GoldAttribution[] = [{ content: [[0, 40]], source: [[50, 55]], direct: false }];
    const c = scoreAttributions(mixed, [{ content: [20, 39], speaker: [[50, 55]], direct: true }], direct, direct);
    assert.deepEqual(c.withSpeaker, { predicted: 1, predictedRight: 1, gold: 0, goldFound: 0 });
  });
  it('gold content is direct when at least half of it is between quotation marks', () => {
    assert.equal(isDirectContent([' \u201cWe will stay,\u201d']), true);
    assert.equal(isDirectContent(['that \u201cthe road is closed to everyone\u201d']), true);
    assert.equal(isDirectContent(['the convoy, which left on Monday, was \u201cstopped\u201d']), false);
    assert.equal(isDirectContent(['that the talks failed']), false);
    assert.equal(quotedShare(['"ab', 'cd"']), 1);
  });
  it('precision and recall from the counts', () => {
    assert.deepEqual(prfOf({ predicted: 4, predictedRight: 2, gold: 2, goldFound: 1 }), { p: 0.5, r: 0.5, f1: 0.5 });
  });
});
