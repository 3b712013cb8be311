import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readSentences } from './sentences.stage.js';

const sentencesOf = (text: string) => readSentences(text).sentences.map((s) => text.slice(s.start, s.end));

describe('rejoinNames: sentence cuts inside a name are undone', () => {
  const rows: Array<{ text: string; want: string[]; why: string }> = [
    {
      text: 'The prayer was led by the Rev. Jane Roe in the square.',
      want: ['The prayer was led by the Rev. Jane Roe in the square.'],
      why: 'a title and its period before a name',
    },
    {
      text: 'Sens. Jane Roe and John Doe voted against it.',
      want: ['Sens. Jane Roe and John Doe voted against it.'],
      why: 'a plural title',
    },
    {
      text: 'Sen. Jane Roe (I-Vt.) on Saturday criticized the accord.',
      want: ['Sen. Jane Roe (I-Vt.) on Saturday criticized the accord.'],
      why: 'a party and state in parentheses, then a lower-case word',
    },
    {
      text: 'Rep. Jane Roe (D-N.Y.) said the bridge would reopen.',
      want: ['Rep. Jane Roe (D-N.Y.) said the bridge would reopen.'],
      why: 'a cut inside the parenthesis',
    },
    {
      text: 'The road is closed. Trucks wait at the border.',
      want: ['The road is closed.', 'Trucks wait at the border.'],
      why: 'an ordinary cut stays',
    },
    {
      text: 'The convoy reached the town (and the camp.) Trucks then left.',
      want: ['The convoy reached the town (and the camp.)', 'Trucks then left.'],
      why: 'a closed parenthesis before a capital stays cut',
    },
  ];
  for (const row of rows)
    it(row.why, () => {
      assert.deepEqual(sentencesOf(row.text), row.want, `${row.why}: ${row.text}`);
    });

  it('never joins across paragraphs', () => {
    const text = 'The prayer was led by the Rev.\n\nJane Roe spoke next.';
    assert.equal(sentencesOf(text).length, 2, 'a paragraph break is a cut');
  });
});
