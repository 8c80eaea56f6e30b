import { describe, expect, it } from 'vitest';
import { matchIndicators } from '../../../../renderer/src/library/IndicatorPicker';
import { keyFromLabel } from '../../../../electron/core/library/indicator-handlers';

const indicators = [
  { key: 'casualties-since-2020', label: 'Mine casualties since the November 2020 ceasefire (killed or injured)', unit: 'people' },
  { key: 'foreign-funding-share', label: 'Foreign assistance as a share of demining resources', unit: '%' },
  { key: 'area-cleared-since-2020', label: 'Land cleared since the end of the 2020 war', unit: 'hectares' },
];

describe('choosing an indicator by its label', () => {
  it('finds labels by every typed word, in any order, ignoring case and accents', () => {
    expect(matchIndicators(indicators, 'casualties 2020').map((indicator) => indicator.key)).toEqual(['casualties-since-2020']);
    expect(matchIndicators(indicators, 'SINCE 2020').map((indicator) => indicator.key)).toEqual(['casualties-since-2020', 'area-cleared-since-2020']);
    expect(matchIndicators(indicators, 'fóreign').map((indicator) => indicator.key)).toEqual(['foreign-funding-share']);
    expect(matchIndicators(indicators, 'hectares').map((indicator) => indicator.key)).toEqual(['area-cleared-since-2020']);
    expect(matchIndicators(indicators, 'casualties-since-2020')).toEqual([]); // the hidden key is not what one searches
  });

  it('a new indicator’s key is made from its label', () => {
    expect(keyFromLabel('Mine casualties in Qəbələ, 2025')).toBe('mine-casualties-in-qəbələ-2025');
    expect(keyFromLabel('Şəhid ailələri — 2024')).toBe('şəhid-ailələri-2024');
    expect(keyFromLabel('%%%')).toBe('indicator');
  });
});
