import { describe, expect, it } from 'vitest';
import { comparePartialDatesDescending, dateSortKey, formatPartialDate, parsePartialDate, toDayRange } from '../../../electron/shared/partial-date';

describe('partial dates', () => {
  it('reads what a person types into the stored form, and says what is wrong', () => {
    expect(parsePartialDate(' 2025/12 ')).toEqual({ ok: true, value: '2025-12' });
    expect(parsePartialDate('')).toEqual({ ok: true, value: null });
    expect(parsePartialDate('2025-13')).toEqual({ ok: false, message: 'There is no month 13.' });
    expect(parsePartialDate('2025-02-29')).toEqual({ ok: false, message: 'Feb 2025 has no day 29.' });
    expect(parsePartialDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parsePartialDate('soon').ok).toBe(false);
  });

  it('shows a date as precisely as it is known', () => {
    expect(['2025-12-04', '2025-12', '2025', null, 'soon'].map(formatPartialDate)).toEqual(['4 Dec 2025', 'Dec 2025', '2025', '', 'soon']);
  });

  it('sorts by the last day covered, the more precise date first when two end together', () => {
    expect(toDayRange('2024-02')).toEqual({ start: Date.UTC(2024, 1, 1) / 86_400_000, end: Date.UTC(2024, 1, 29) / 86_400_000 });
    expect(dateSortKey('2025')).toBe(dateSortKey('2025-12-31'));
    expect(dateSortKey(null)).toBe(-Infinity);
    expect(['2025-12', null, '2025-06-30', '2025-12-31', '2025'].sort(comparePartialDatesDescending)).toEqual(['2025-12-31', '2025-12', '2025', '2025-06-30', null]);
  });
});
