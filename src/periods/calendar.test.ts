import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makePeriod, PeriodError } from './core.ts';
import {
  contains,
  endDate,
  isCumulative,
  monthsCovered,
  previousPeriod,
  samePeriodLastYear,
  startDate,
} from './calendar.ts';
import { cutoffWindow, submissionDeadline } from './cutoff.ts';

const month = (y: number, n: number) => makePeriod('month', y, n);
const quarter = (y: number, n: number) => makePeriod('quarter', y, n);
const half = (y: number, n: number) => makePeriod('half', y, n);
const ytd = (y: number, n: number) => makePeriod('ytd', y, n);
const year = (y: number) => makePeriod('year', y);

describe('calendar', () => {
  it('lists the months covered', () => {
    assert.deepEqual(monthsCovered(month(2024, 10)), [10]);
    assert.deepEqual(monthsCovered(quarter(2024, 3)), [7, 8, 9]);
    assert.deepEqual(monthsCovered(half(2024, 2)), [7, 8, 9, 10, 11, 12]);
    assert.deepEqual(monthsCovered(ytd(2024, 4)), [1, 2, 3, 4]);
    assert.equal(monthsCovered(year(2024)).length, 12);
  });
  it('gives calendar start and end dates', () => {
    assert.equal(startDate(month(2024, 2)), '2024-02-01');
    assert.equal(endDate(month(2024, 2)), '2024-02-29');
    assert.equal(endDate(month(2023, 2)), '2023-02-28');
    assert.equal(startDate(quarter(2024, 3)), '2024-07-01');
    assert.equal(endDate(quarter(2024, 3)), '2024-09-30');
    assert.equal(startDate(half(2024, 2)), '2024-07-01');
    assert.equal(endDate(ytd(2024, 9)), '2024-09-30');
    assert.equal(startDate(year(2024)), '2024-01-01');
    assert.equal(endDate(year(2024)), '2024-12-31');
  });
  it('tells containment', () => {
    assert.ok(contains(year(2024), month(2024, 5)));
    assert.ok(contains(ytd(2024, 9), quarter(2024, 3)));
    assert.ok(contains(half(2024, 2), quarter(2024, 4)));
    assert.ok(contains(month(2024, 5), month(2024, 5)));
    assert.ok(!contains(ytd(2024, 9), month(2024, 10)));
    assert.ok(!contains(year(2024), month(2023, 5)));
    assert.ok(!contains(month(2024, 5), year(2024)));
  });
  it('tells cumulative periods (those that start in January)', () => {
    assert.ok(isCumulative(ytd(2024, 9)));
    assert.ok(isCumulative(year(2024)));
    assert.ok(isCumulative(half(2024, 1)));
    assert.ok(isCumulative(month(2024, 1)));
    assert.ok(!isCumulative(month(2024, 2)));
    assert.ok(!isCumulative(quarter(2024, 2)));
    assert.ok(!isCumulative(half(2024, 2)));
  });
  it('steps back a year and a period', () => {
    assert.deepEqual(samePeriodLastYear(quarter(2024, 3)), quarter(2023, 3));
    assert.deepEqual(previousPeriod(month(2024, 1)), month(2023, 12));
    assert.deepEqual(previousPeriod(month(2024, 10)), month(2024, 9));
    assert.deepEqual(previousPeriod(quarter(2024, 3)), quarter(2024, 2));
    assert.deepEqual(previousPeriod(quarter(2024, 2)), ytd(2024, 3)); // Q1 ≡ 3T
    assert.deepEqual(previousPeriod(ytd(2024, 9)), ytd(2024, 8));
    assert.deepEqual(previousPeriod(ytd(2024, 2)), month(2024, 1));
    assert.deepEqual(previousPeriod(half(2024, 2)), ytd(2024, 6));
    assert.deepEqual(previousPeriod(year(2024)), year(2023));
    assert.throws(() => samePeriodLastYear(year(1900)), PeriodError);
  });
});

describe('cut-off windows (Decree 09/2019)', () => {
  it('runs a month from the 15th of the previous month to the 14th', () => {
    assert.deepEqual(cutoffWindow(month(2024, 10)), { from: '2024-09-15', to: '2024-10-14' });
    assert.deepEqual(cutoffWindow(month(2024, 1)), { from: '2023-12-15', to: '2024-01-14' });
  });
  it('runs cumulative periods from 15/12 of the previous year', () => {
    assert.deepEqual(cutoffWindow(ytd(2024, 6)), { from: '2023-12-15', to: '2024-06-14' });
    assert.deepEqual(cutoffWindow(ytd(2024, 9)), { from: '2023-12-15', to: '2024-09-14' });
    assert.deepEqual(cutoffWindow(year(2024)), { from: '2023-12-15', to: '2024-12-14' });
  });
  it('runs quarters and H2 analogously', () => {
    assert.deepEqual(cutoffWindow(quarter(2024, 3)), { from: '2024-06-15', to: '2024-09-14' });
    assert.deepEqual(cutoffWindow(half(2024, 2)), { from: '2024-06-15', to: '2024-12-14' });
  });
  it('takes another cut-off day', () => {
    assert.deepEqual(cutoffWindow(month(2024, 3), { cutoffDay: 20 }), { from: '2024-02-20', to: '2024-03-19' });
    assert.deepEqual(cutoffWindow(month(2024, 3), { cutoffDay: 1 }), { from: '2024-02-01', to: '2024-02-29' });
    assert.throws(() => cutoffWindow(month(2024, 3), { cutoffDay: 29 }), PeriodError);
    assert.throws(() => cutoffWindow(month(2024, 3), { cutoffDay: 0 }), PeriodError);
  });
});

describe('submission deadlines', () => {
  it('counts working days after the window', () => {
    // 14/10/2024 is a Monday → Wednesday 16/10
    assert.equal(submissionDeadline(month(2024, 10)), '2024-10-16');
    // 14/9/2024 is a Saturday → Monday 16, Tuesday 17
    assert.equal(submissionDeadline(ytd(2024, 9)), '2024-09-17');
  });
  it('skips holidays and honours every option', () => {
    assert.equal(submissionDeadline(month(2024, 10), { holidays: ['2024-10-15'] }), '2024-10-17');
    assert.equal(submissionDeadline(month(2024, 10), { workingDaysAfter: 5 }), '2024-10-21');
    assert.equal(submissionDeadline(month(2024, 10), { cutoffDay: 20 }), '2024-10-22');
    assert.equal(submissionDeadline(month(2024, 10), { weekend: [0] }), '2024-10-16');
    assert.equal(submissionDeadline(ytd(2024, 9), { weekend: [0] }), '2024-09-17'); // Sat 14 → Mon, Tue
    assert.equal(submissionDeadline(ytd(2024, 9), { weekend: [] }), '2024-09-16');
  });
  it('with 0 days gives the last day, moved to a working day', () => {
    assert.equal(submissionDeadline(month(2024, 10), { workingDaysAfter: 0 }), '2024-10-14');
    assert.equal(submissionDeadline(ytd(2024, 9), { workingDaysAfter: 0 }), '2024-09-16');
  });
  it('rejects bad options', () => {
    assert.throws(() => submissionDeadline(month(2024, 10), { holidays: ['15/10/2024'] }), PeriodError);
    assert.throws(() => submissionDeadline(month(2024, 10), { holidays: ['2024-02-30'] }), PeriodError);
    assert.throws(() => submissionDeadline(month(2024, 10), { workingDaysAfter: -1 }), PeriodError);
    assert.throws(() => submissionDeadline(month(2024, 10), { weekend: [0, 1, 2, 3, 4, 5, 6] }), PeriodError);
  });
});
