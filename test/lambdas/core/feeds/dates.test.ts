import { normalizeDate } from '../../../../lambdas/core/feeds/dates';

const now = new Date('2024-06-01T00:00:00Z');

describe('normalizeDate', () => {
  it.each([
    ['Tue, 30 Jan 2018 17:54:13 -0500', '2018-01-30T22:54:13Z'],
    ['Tue, 30 Jan 2018 17:54:13 GMT', '2018-01-30T17:54:13Z'],
    ['30 Jan 18 17:54 EST', '2018-01-30T22:54:00Z'],
    ['Wed, 30 Jan 2018 17:54:13 +0000', '2018-01-30T17:54:13Z'], // wrong weekday
    ['Tue 30 Jan 2018 17:54:13 CEST', '2018-01-30T15:54:13Z'],
    ['30 Jan 2018', '2018-01-30T00:00:00Z'],
    ['Jan 30, 2018 5:54 PM', '2018-01-30T17:54:00Z'],
    ['2018-01-30T17:54:13+01:00', '2018-01-30T16:54:13Z'],
    ['2018-01-30 17:54:13', '2018-01-30T17:54:13Z'],
    ['2018-01-30T17:54:13.250Z', '2018-01-30T17:54:13.250Z'],
    ['2018-01-30', '2018-01-30T00:00:00Z'],
    ['20180130T175413Z', '2018-01-30T17:54:13Z'],
    ['Tue, 30 Jan 2018 17:54:13 GMT+2', '2018-01-30T15:54:13Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00Z'],
    ['Fri, 11 Mar 2016 01:15:00 +3000', '2016-03-11T01:15:00Z'], // impossible offset: the date survives as UTC
  ])('reads %s', (input, expected) => {
    expect(normalizeDate(input, now)).toBe(expected);
  });
  it.each(['', 'soon', '31 Feb 2018', '2018-13-01', 'Tue, 30 Jan 2099 17:54:13 GMT', '1899-01-01'])(
    'rejects %s',
    (input) => {
      expect(normalizeDate(input, now)).toBeUndefined();
    },
  );
});
