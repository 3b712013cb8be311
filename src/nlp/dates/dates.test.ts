import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CleanLayer, Doc } from '../../core/document.js';
import type { IsoDay } from '../../core/date.js';
import { readSentences } from '../sentences/sentences.stage.js';
import { createDateFinder, createDatesStage } from './dates.stage.js';

const finder = createDateFinder();

/** [text, first, last, precision] of each date found, in order. */
type Found = [string, string, string, number];

function found(body: string, published: string | null): Found[] {
  const layer = finder.find(body, readSentences(body), published as IsoDay | null);
  return layer.dates.map((d) => [d.text, d.range?.first ?? '-', d.range?.last ?? '-', d.range?.precision ?? 0]);
}

// [sentence, published, expected]; 2016-09-04 was a Sunday. Sentences are invented for the tests.
const SUN = '2016-09-04';
const ROWS: Array<[string, string, Found[], string?]> = [
  ['Government forces retook the village on Sunday, a monitor said.', SUN, [['on Sunday', SUN, SUN, 1]]],
  ['Rebels had captured the hill last month.', SUN, [['last month', '2016-08-01', '2016-08-31', 3]]],
  ['A ceasefire agreed in February collapsed within weeks.', SUN, [['February', '2016-02-01', '2016-02-29', 3]]],
  ['Fighting flared in July near Manbij.', SUN, [['July', '2016-07-01', '2016-07-31', 3]]],
  ['The siege began in mid-August.', SUN, [['August', '2016-08-01', '2016-08-31', 3]]],
  ['Elections were held in October.', SUN, [['October', '2015-10-01', '2015-10-31', 3]]],
  ['The commander will be sentenced in October.', SUN, [['October', '2016-10-01', '2016-10-31', 3]]],
  ['The commander was sentenced in October.', SUN, [['October', '2015-10-01', '2015-10-31', 3]]],
  ['Two towns were shelled at the weekend.', '2016-09-07', [['weekend', '2016-09-03', SUN, 2]]],
  ['Talks will resume at the weekend.', '2016-09-07', [['weekend', '2016-09-10', '2016-09-11', 2]]],
  ['Militants regrouped last weekend.', SUN, [['last weekend', '2016-08-27', '2016-08-28', 2]]],
  ['Gunmen attacked a synagogue in February last year.', SUN, [['February', '2015-02-01', '2015-02-28', 3]]],
  ['Elections are planned for October.', SUN, [['October', '2016-10-01', '2016-10-31', 3]]],
  ['The vote will take place next January.', SUN, [['January', '2017-01-01', '2017-01-31', 3]]],
  ['Last July, the group seized the dam.', '2016-07-20', [['July', '2015-07-01', '2015-07-31', 3]]],
  ['The agreement reached this month still holds.', SUN, [['this month', '2016-09-01', '2016-09-30', 3]]],
  ['The siege began six months ago.', SUN, [['six months ago', '2016-03-01', '2016-03-31', 3]]],
  ['The negotiators will meet again on Monday in Geneva.', SUN, [['on Monday', '2016-09-05', '2016-09-05', 1]]],
  ['On Monday, the two sides will resume talks.', SUN, [['On Monday', '2016-09-05', '2016-09-05', 1]]],
  ['He said on Monday that the talks would resume.', '2016-09-06', [['on Monday', '2016-09-05', '2016-09-05', 1]]],
  ['Clashes erupted on Tuesday night.', SUN, [['on Tuesday', '2016-08-30', '2016-08-30', 1]]],
  ['The convoy arrived last Friday.', SUN, [['last Friday', '2016-09-02', '2016-09-02', 1]]],
  ['Two soldiers were killed yesterday.', SUN, [['yesterday', '2016-09-03', '2016-09-03', 1]]],
  ['"We will sign the text tomorrow morning," the minister said.', SUN, [['tomorrow', '2016-09-05', '2016-09-05', 1]]],
  ['Three days ago, militants stormed the checkpoint.', SUN, [['Three days ago', '2016-09-01', '2016-09-01', 1]]],
  ['Airstrikes hit the market last week.', '2016-09-07', [['last week', '2016-08-29', '2016-09-04', 2]]],
  ['Shelling intensified earlier this week.', '2016-09-07', [['this week', '2016-09-05', '2016-09-11', 2]]],
  ['Fighting has intensified over the past 48 hours.', SUN, [['past 48 hours', '2016-09-02', SUN, 2]]],
  ['Strikes killed 20 people in the last two days.', SUN, [['last two days', '2016-09-02', SUN, 2]]],
  ['Over the past two days the army advanced.', SUN, [['past two days', '2016-09-02', SUN, 2]]],
  ['The envoy sent a memo dated Sept. 3 to the rebels.', SUN, [['Sept. 3', '2016-09-03', '2016-09-03', 1]]],
  ['The offensive began on 3 September.', SUN, [['on 3 September', '2016-09-03', '2016-09-03', 1]]],
  ['The offensive began on September 3, 2016.', SUN, [['September 3, 2016', '2016-09-03', '2016-09-03', 1]]],
  ['The talks broke down on Dec. 20.', '2017-01-05', [['Dec. 20', '2016-12-20', '2016-12-20', 1]]],
  ['Campaigning intensified ahead of the Nov. 8 election.', '2016-01-13', [['Nov. 8', '2016-11-08', '2016-11-08', 1]]],
  ['The ceasefire took effect at sunset on Sept. 12.', '2016-09-14', [['Sept. 12', '2016-09-12', '2016-09-12', 1]]],
  ['The town fell in December 2012.', SUN, [['December 2012', '2012-12-01', '2012-12-31', 3]]],
  [
    'Attacks rose between September and December 2014.',
    SUN,
    [
      ['September', '2014-09-01', '2014-09-30', 3],
      ['December 2014', '2014-12-01', '2014-12-31', 3],
    ],
  ],
  ['Aid was blocked from February to April.', SUN, [['February to April', '2016-02-01', '2016-04-30', 3]]],
  // Not dates: years, durations, names, modals, counts from another event.
  ['The militia has held the town since 2011.', SUN, []],
  ['Russian jets have bombed the area for nearly a year.', SUN, []],
  ['The five-year-old war has displaced millions.', SUN, []],
  ['The truce will last 48 hours.', SUN, []],
  ['Aid must arrive within 48 hours.', SUN, []],
  ['The rebels fought for three days.', SUN, []],
  ['Prime Minister Theresa May visited the camp.', SUN, []],
  ['Residents may leave through the corridor.', SUN, []],
  ['Thousands march on the capital.', SUN, []],
  ['The Sunday Times reported the deal.', SUN, []],
  ['He once worked at a Ruby Tuesday restaurant.', SUN, []],
  ['Late Sunday, the army shelled the town.', '2016-09-05', [['Sunday', SUN, SUN, 1]]],
  ['Troops advanced toward the dam in the past 24 hrs.', SUN, [['past 24 hrs', '2016-09-03', SUN, 2]]],
  ['Heavy fighting raged in the past couple of days.', SUN, [['past couple of days', '2016-09-02', SUN, 2]]],
  ['The rebels retreated and troops entered the town the next day.', SUN, []],
  ['He received a 12-1/2 year sentence.', SUN, []],
  ['The militants now control the road.', SUN, []],
  // A to-infinitive after agree/vow/plan... looks ahead, even after a past verb.
  [
    'Kerry and Lavrov agreed on Friday to meet on Monday.',
    '2016-09-03',
    [
      ['on Friday', '2016-09-02', '2016-09-02', 1],
      ['on Monday', '2016-09-05', '2016-09-05', 1],
    ],
  ],
  [
    'Rebel leaders vowed on Saturday to retake the town on Tuesday.',
    SUN,
    [
      ['on Saturday', '2016-09-03', '2016-09-03', 1],
      ['on Tuesday', '2016-09-06', '2016-09-06', 1],
    ],
  ],
  ['The army began to withdraw on Tuesday.', SUN, [['on Tuesday', '2016-08-30', '2016-08-30', 1]]],
  ['The envoys agreed to a truce on Tuesday.', SUN, [['on Tuesday', '2016-08-30', '2016-08-30', 1]]],
  // Known misses, kept in the table (none open at the moment; 'fine' rows run as normal tests).
  ['The town was retaken two days later.', SUN, [], 'fine'],
];

for (const [body, published, expected, todo] of ROWS) {
  const name = `dates: ${body} (published ${published})`;
  if (todo && todo !== 'fine') {
    test(name, { todo }, () => assert.deepEqual(found(body, published), expected));
  } else {
    test(name, () => assert.deepEqual(found(body, published), expected));
  }
}

test('dates: without a publication date, only dates that state their year resolve, with one warning', () => {
  const body = 'Rebels attacked on Sunday. The offensive of March 3, 2015 failed. Talks ended in July.';
  const layer = finder.find(body, readSentences(body), null);
  assert.deepEqual(
    layer.dates.map((d) => [d.text, d.range, d.relative]),
    [
      ['on Sunday', null, true],
      ['March 3, 2015', { first: '2015-03-03', last: '2015-03-03', precision: 1 }, false],
      ['July', null, true],
    ],
  );
  assert.deepEqual(layer.warnings, [
    'W301 No publication date: 2 relative dates left unresolved (pass --published YYYY-MM-DD)',
  ]);
});

test('dates: with a publication date there is no warning', () => {
  const body = 'Rebels attacked on Sunday.';
  assert.deepEqual(finder.find(body, readSentences(body), SUN as IsoDay).warnings, []);
});

test('dates stage: reads clean.published and the sentences layer', () => {
  const body = 'Headline here\n\nThe army shelled the town on Saturday.';
  const clean: CleanLayer = {
    body,
    headline: 'Headline here',
    byline: null,
    dateline: null,
    published: SUN as IsoDay,
    publishedFrom: 'input',
    removed: [],
    offsets: [{ body: 0, raw: 0, length: body.length }],
    warnings: [],
  };
  const doc: Doc = { input: { raw: body, mediaType: 'text/plain' }, clean, sentences: readSentences(body) };
  const stage = createDatesStage();
  assert.equal(stage.adds, 'dates');
  assert.deepEqual(stage.needs, ['clean', 'sentences']);
  const layer = stage.run(doc);
  assert.deepEqual(layer.dates, [
    {
      start: body.indexOf('on Saturday'),
      end: body.length - 1,
      text: 'on Saturday',
      range: { first: '2016-09-03', last: '2016-09-03', precision: 1 },
      relative: true,
    },
  ]);
});
