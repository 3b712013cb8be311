import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test } from 'node:test';
import { analyseExamples, goldenPath, serialise } from './examples.js';

// Whole-pipeline golden files: any change in what is extracted from the examples shows up here
// as a diff to review. Regenerate deliberately with `npm run golden:update`.
for (const { path, analysis } of analyseExamples()) {
  test(`golden: ${basename(path)}`, () => {
    const expected = goldenPath(path);
    assert.ok(existsSync(expected), `no golden file ${expected}: run npm run golden:update`);
    assert.equal(serialise(analysis), readFileSync(expected, 'utf8'), 'analysis changed: review it and run npm run golden:update');
  });
}
