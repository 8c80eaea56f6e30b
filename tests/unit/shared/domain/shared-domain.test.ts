import { describe, expect, it } from 'vitest';
import { defaultChartOptions } from '../../../../electron/core/charts/chart-model';
import { chartFrameSize, chartWidthFor } from '../../../../electron/shared/domain/chart-frame';
import { OKABE_ITO } from '../../../../electron/shared/domain/palette';
import { locateQuote } from '../../../../electron/shared/domain/quote';

/** Domain rules the renderer and the core share (electron/shared/domain), written once. */
describe('locateQuote', () => {
  const text = 'Since 2020, 415 people were killed or injured. Since 2020, 415 people were killed or injured.';
  it('keeps the recorded offset while the text there still reads the same, even for a repeated quote', () => {
    expect(locateQuote(text, '415 people', 59)).toBe(59);
    expect(locateQuote(text, '415 people', null)).toBe(12);
  });
  it('finds a quote the text moved, and answers null for one it no longer holds', () => {
    expect(locateQuote(`Update. ${text}`, '415 people', 12)).toBe(20);
    expect(locateQuote(text, '409 people', 12)).toBeNull();
    expect(locateQuote(text, '', 0)).toBeNull();
  });
});

describe('chart frames', () => {
  it('gives a chart its column: 471 and 236 pt on A4, 488 and 244 pt on US Letter', () => {
    expect([chartWidthFor('A4', 'full'), chartWidthFor('A4', 'half'), chartWidthFor('LETTER', 'full'), chartWidthFor('LETTER', 'half')]).toEqual([471, 236, 488, 244]);
  });
  it('draws 16:9 at full width, 4:3 at half, grows horizontal bars with their count and keeps a big number short', () => {
    expect(chartFrameSize({ pageSize: 'A4', column: 'full', type: 'line', categoryCount: 3 })).toEqual({ width: 471, height: 265 });
    expect(chartFrameSize({ pageSize: 'A4', column: 'half', type: 'donut', categoryCount: 3 })).toEqual({ width: 236, height: 177 });
    expect(chartFrameSize({ pageSize: 'A4', column: 'full', type: 'bar-horizontal', categoryCount: 2 })).toEqual({ width: 471, height: 148 });
    expect(chartFrameSize({ pageSize: 'A4', column: 'full', type: 'bar-horizontal', categoryCount: 20 })).toEqual({ width: 471, height: 265 });
    expect(chartFrameSize({ pageSize: 'LETTER', column: 'full', type: 'big-number', categoryCount: 1 })).toEqual({ width: 488, height: 150 });
  });
});

describe('palette', () => {
  it('is the chart model default, colour for colour', () => {
    expect(defaultChartOptions().colors).toEqual([...OKABE_ITO]);
  });
});
