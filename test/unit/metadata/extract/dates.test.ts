import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../../src/metadata/extract/dates.js';

describe('parseDate', () => {
  it.each([
    ['2019-05-02T00:00:00+00:00', '2019-05-02', 2019],
    ['2019-05-02', '2019-05-02', 2019],
    ['2019-05', '2019-05', 2019],
    ['2019', '2019', 2019],
    ['D:20210314100000Z', '2021-03-14', 2021],
    ["D:20210314100000+01'00'", '2021-03-14', 2021],
    ['D:2021', '2021', 2021],
    ['May 2, 2019', '2019', 2019],
    ['0101-01-01T00:00:00+00:00', null, null],
  ])('%s → %s', (input, date, year) => {
    expect(parseDate(input)).toEqual(date === null ? null : { date, year });
  });

  it('rejects impossible months and days but keeps the year', () => {
    expect(parseDate('2019-13-45')).toEqual({ date: '2019', year: 2019 });
  });

  it('returns null for text without a plausible year', () => {
    expect(parseDate('unknown')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});
