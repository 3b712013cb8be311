import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVersions, contentHash } from './identity.js';

// [a, b, sign of compareVersions(a, b)]
const VERSIONS: [string, string, number][] = [
  ['0.1.0', '0.1.0', 0],
  ['0.10.0', '0.9.9', 1],
  ['0.9.9', '0.10.0', -1],
  ['1.2.1', '1.2', 1],
  ['1.2', '1.2.1', -1],
  ['2.0.0', '10.0.0', -1],
  ['1.0.0-rc1', '1.0.0-rc2', -1],
];

describe('identity', () => {
  for (const [a, b, sign] of VERSIONS) it(`compares ${a} with ${b}`, () => assert.equal(compareVersions(a, b), sign));

  it('hashes content as sha256 hex of UTF-8', () => {
    assert.equal(contentHash(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.notEqual(contentHash('é'), contentHash('e\u0301'), 'no normalisation: bytes decide');
  });
});
