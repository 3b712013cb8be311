import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TruceError } from '../core/errors.js';
import { parseSearchQuery, toFts5, toTsquery } from './search-query.js';

// [user query, FTS5 MATCH text, tsquery text]
const RENDERED: [string, string, string][] = [
  ['aleppo', '"aleppo"', "'aleppo'"],
  ['aleppo convoy', '("aleppo" AND "convoy")', "('aleppo' & 'convoy')"],
  ['aleppo AND convoy', '("aleppo" AND "convoy")', "('aleppo' & 'convoy')"],
  ['aleppo OR idlib', '("aleppo" OR "idlib")', "('aleppo' | 'idlib')"],
  ['convoy NOT aid', '(("convoy") NOT "aid")', "('convoy' & !'aid')"],
  ['convoy AND NOT aid', '(("convoy") NOT "aid")', "('convoy' & !'aid')"],
  ['"aid convoy"', '"aid convoy"', "('aid' <-> 'convoy')"],
  ['"aid conv"*', '"aid conv" *', "('aid' <-> 'conv':*)"],
  ['dipl*', '"dipl" *', "'dipl':*"],
  ['al-Sham', '"al Sham"', "('al' <-> 'Sham')"],
  ['(a OR b) c', '(("a" OR "b") AND "c")', "(('a' | 'b') & 'c')"],
  ['headline:aleppo', '"headline aleppo"', "('headline' <-> 'aleppo')"],
  ["it's", '"it s"', "('it' <-> 's')"],
  ['Ḥalab حلب', '("Ḥalab" AND "حلب")', "('Ḥalab' & 'حلب')"],
  ['and or not', '("and" AND "or" AND "not")', "('and' & 'or' & 'not')"],
  ["x' OR '1'='1", '("x" OR "1 1")', "('x' | ('1' <-> '1'))"],
];

const MALFORMED: [string, RegExp][] = [
  ['', /no words/],
  ['"open', /never closed/],
  ['""', /no words/],
  ['NOT aid', /NOT needs a term/],
  ['aid AND', /expected a word/],
  ['(aid', /never closed/],
  ['aid)', /unexpected \)/],
  ['aid OR OR b', /expected a word/],
  ['x'.repeat(1001), /limit is 1000/],
  [Array.from({ length: 65 }, (_, i) => `w${i}`).join(' '), /more than 64 terms/],
];

describe('search query', () => {
  for (const [query, fts, ts] of RENDERED) {
    it(`renders ${JSON.stringify(query.slice(0, 40))}`, () => {
      const node = parseSearchQuery(query);
      assert.equal(toFts5(node), fts);
      assert.equal(toTsquery(node), ts);
    });
  }
  for (const [query, reason] of MALFORMED) {
    it(`refuses ${JSON.stringify(query.slice(0, 40))}`, () => {
      assert.throws(
        () => parseSearchQuery(query),
        (e: unknown) => e instanceof TruceError && e.shortCode === 'E007' && reason.test(e.message),
      );
    });
  }
});
