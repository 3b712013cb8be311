import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  actorKey,
  dateWithin,
  goldSubType,
  parseAcledDate,
  scoreText,
  weekEnd,
  type GoldEvent,
  type PredictedEvent,
} from './score.js';

const gold: GoldEvent = {
  types: ['Battles'],
  subType: 'Armed clash',
  actor1: 'Military Forces of Syria (2000-)',
  actor2: 'Opposition Rebels (Syria)',
  latitude: 36.2,
  longitude: 37.15,
  date: '2016-02-29',
  precision: 1,
  fatalities: 3,
};
const pred: PredictedEvent = {
  type: 'Battles',
  subType: 'Armed clash',
  actor1: 'Military Forces of Syria',
  actor2: null,
  latitude: 36.3,
  longitude: 37.2,
  date: '2016-02-29',
  fatalities: 3,
};

describe('ACLED field scoring', () => {
  it('tolerates the period suffix of actor names', () => {
    assert.equal(actorKey('Military Forces of Afghanistan (2014-)'), 'military forces of afghanistan');
    assert.equal(actorKey('Police Forces of India (1989-2016)'), 'police forces of india');
  });
  it('scores every field against the gold rows of the text', () => {
    assert.deepEqual(scoreText([gold], pred), {
      type: true,
      actor1: true,
      actor2: false,
      location: true,
      fatalities: true,
      date: true,
    });
  });
  it('a field right for a second gold row counts', () => {
    const other = { ...gold, types: ['Explosions/Remote violence'], fatalities: 0 };
    const got = scoreText([gold, other], { ...pred, type: 'Explosions/Remote violence', fatalities: null });
    assert.equal(got.type, true);
    assert.equal(got.fatalities, true);
  });
  it('no event is wrong on every field', () => {
    assert.ok(Object.values(scoreText([gold], null)).every((v) => v === false));
  });
  it('location beyond 25 km is wrong', () => {
    assert.equal(scoreText([gold], { ...pred, latitude: 36.6 }).location, false);
  });
  it('dates within the coded precision', () => {
    assert.equal(dateWithin('2016-02-29', '2016-02-29', 1), true);
    assert.equal(dateWithin('2016-02-28', '2016-02-29', 1), false);
    assert.equal(dateWithin('2016-02-24', '2016-02-29', 2), true);
    assert.equal(dateWithin('2016-02-01', '2016-02-29', 3), true);
    assert.equal(dateWithin('2016-03-01', '2016-02-29', 3), false);
  });
  it('reads the three ACLED date spellings', () => {
    assert.equal(parseAcledDate('21 March 2020'), '2020-03-21');
    assert.equal(parseAcledDate('01-February-2017'), '2017-02-01');
    assert.equal(parseAcledDate('2016-07-02'), '2016-07-02');
    assert.equal(parseAcledDate('sometime'), null);
  });
  it('the week of a date ends on Sunday', () => {
    assert.equal(weekEnd('2020-03-19'), '2020-03-22');
    assert.equal(weekEnd('2020-03-22'), '2020-03-22');
  });
  it('the gold sub-type is ours when ACLED coded it for the text', () => {
    const g2 = { ...gold, subType: 'Air/drone strike' };
    assert.equal(goldSubType([gold, g2], { ...pred, subType: 'Air/drone strike' }), 'Air/drone strike');
    assert.equal(goldSubType([gold, g2], { ...pred, subType: 'Grenade' }), 'Armed clash');
  });
});
