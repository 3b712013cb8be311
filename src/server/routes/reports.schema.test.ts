import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SubmitJsonBody, SubmitQuery } from './reports.schema.js';

describe('report submission schema: a report link is a web address or nothing', () => {
  const cases: ReadonlyArray<readonly [string, boolean]> = [
    ['https://example.org/story', true],
    ['http://example.org/story?id=1', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['file:///etc/passwd', false],
    ['ftp://example.org/file', false],
  ];
  for (const [url, ok] of cases) {
    it(`${url} is ${ok ? 'accepted' : 'refused'} in the JSON body and in the query`, () => {
      assert.equal(SubmitJsonBody.safeParse({ url }).success, ok);
      assert.equal(SubmitQuery.safeParse({ url }).success, ok);
    });
  }
});
