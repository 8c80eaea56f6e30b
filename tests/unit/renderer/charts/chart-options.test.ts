import { describe, expect, it } from 'vitest';
// Tested through the exported names only: parts of this module may move to electron/shared/domain.
import {
  CHART_TYPES,
  exportSizeFor,
  HEX_COLOUR,
  PALETTE_PRESETS,
  presetOf,
  readAnnotations,
  readBoolean,
  readColors,
  readDerived,
  readLabels,
  readNumber,
  readString,
  TYPE_HINTS,
  TYPE_LABELS,
  withOption,
} from '../../../../renderer/src/charts/chart-options';

describe('reading chart options', () => {
  const options = {
    title: 'Casualties',
    max: 120,
    nan: Number.NaN,
    inf: Number.POSITIVE_INFINITY,
    legend: false,
    count: '12',
    colors: ['#0072B2', '#E69F00'],
  };

  it('reads a value only when it has the expected type', () => {
    expect(readString(options, 'title')).toBe('Casualties');
    expect(readString(options, 'max')).toBe('');
    expect(readString(options, 'missing')).toBe('');
    expect(readNumber(options, 'max')).toBe(120);
    expect(readNumber(options, 'count')).toBeNull(); // a numeric string is not a number option
    expect(readNumber(options, 'nan')).toBeNull();
    expect(readNumber(options, 'inf')).toBeNull();
    expect(readNumber({ zero: 0, negative: -3.5 }, 'negative')).toBe(-3.5);
    expect(readNumber({ zero: 0 }, 'zero')).toBe(0);
    expect(readBoolean(options, 'legend')).toBe(false);
    expect(readBoolean(options, 'title')).toBeNull();
    expect(readBoolean({}, 'legend')).toBeNull();
  });

  it('reads colours only as a list of strings', () => {
    expect(readColors(options)).toEqual(['#0072B2', '#E69F00']);
    expect(readColors({ colors: ['#000', 3] })).toBeNull();
    expect(readColors({ colors: '#000' })).toBeNull();
    expect(readColors({})).toBeNull();
    expect(readColors({ colors: [] })).toEqual([]);
  });

  it('reads labels keyed by fact id into a null-prototype record, dropping non-strings', () => {
    const labels = readLabels({ labels: { 'f-1': 'Killed', 'f-2': 7, constructor: 'Built' } });
    expect(Object.getPrototypeOf(labels)).toBeNull();
    expect({ ...labels }).toEqual({ 'f-1': 'Killed', constructor: 'Built' });
    const empty = readLabels({});
    expect(Object.keys(empty)).toEqual([]);
    expect(empty['constructor']).toBeUndefined();
    expect(Object.keys(readLabels({ labels: ['a'] }))).toEqual([]);
  });

  it('keeps annotations and derived series of known kinds only; a single derived series is a list of one', () => {
    const annotations = [{ kind: 'line', value: 100, label: 'Target' }, { kind: 'arrow' }, null, 'text', { kind: 'text', text: 'Ceasefire' }];
    expect(readAnnotations({ annotations })).toEqual([
      { kind: 'line', value: 100, label: 'Target' },
      { kind: 'text', text: 'Ceasefire' },
    ]);
    expect(readAnnotations({ annotations: { kind: 'line' } })).toEqual([]);
    const complement = { kind: 'complement', of: 'f-1', total: 100, label: 'Foreign' };
    expect(readDerived({ derived: complement })).toEqual([complement]);
    expect(readDerived({ derived: [complement, { kind: 'sum' }] })).toEqual([complement]);
    expect(readDerived({})).toEqual([]);
    expect(readDerived({ derived: null })).toEqual([]);
  });
});

describe('writing chart options', () => {
  it('sets a value, and removes the key for an empty one so the default applies', () => {
    const options = { title: 'Old', colors: ['#000'], labels: { a: 'A' }, max: 5 };
    expect(withOption(options, 'title', 'New')).toEqual({ ...options, title: 'New' });
    for (const empty of [undefined, null, '', [], {}]) expect(Object.keys(withOption(options, 'title', empty))).not.toContain('title');
    expect(withOption(options, 'max', 0)).toEqual({ ...options, max: 0 }); // 0 and false are values, not empty
    expect(withOption(options, 'legend', false)).toEqual({ ...options, legend: false });
    expect(withOption(options, 'missing', '')).toEqual(options);
    expect(options).toEqual({ title: 'Old', colors: ['#000'], labels: { a: 'A' }, max: 5 }); // never edits its input
  });

  it('finds the preset a palette matches, whatever the case of its hex digits', () => {
    expect(presetOf(null)).toBe('default');
    for (const preset of PALETTE_PRESETS) {
      if (!preset.colors) continue;
      expect(presetOf(preset.colors)).toBe(preset.id);
      expect(presetOf(preset.colors.map((colour) => colour.toLowerCase()))).toBe(preset.id);
      expect(presetOf(preset.colors.slice(0, -1))).toBe('custom');
      expect(presetOf([...preset.colors].reverse())).toBe('custom');
    }
    expect(presetOf([])).toBe('custom');
  });

  it('accepts three- and six-digit hex colours only', () => {
    expect(HEX_COLOUR.test('#fff')).toBe(true);
    expect(HEX_COLOUR.test('#1F5F8B')).toBe(true);
    expect(HEX_COLOUR.test('1F5F8B')).toBe(false);
    expect(HEX_COLOUR.test('#1F5F8')).toBe(false);
    expect(HEX_COLOUR.test('#GGGGGG')).toBe(false);
    expect(HEX_COLOUR.test('#1F5F8B\n')).toBe(false);
  });

  it('labels and explains every chart type', () => {
    for (const type of CHART_TYPES) {
      expect(TYPE_LABELS[type]).toBeTruthy();
      expect(TYPE_HINTS[type]).toBeTruthy();
    }
  });
});

describe('the size of a chart exported on its own', () => {
  const factIds = (count: number) => Array.from({ length: count }, (_, index) => `f-${index}`);

  it('grows horizontal bars with their count, between 160 and 405 pixels high', () => {
    expect(exportSizeFor({ type: 'bar-horizontal', factIds: [], options: {} })).toEqual({ width: 720, height: 160 });
    expect(exportSizeFor({ type: 'bar-horizontal', factIds: factIds(2), options: {} })).toEqual({ width: 720, height: 190 });
    expect(exportSizeFor({ type: 'bar-horizontal', factIds: factIds(5), options: {} })).toEqual({ width: 720, height: 310 });
    expect(exportSizeFor({ type: 'bar-horizontal', factIds: factIds(50), options: {} })).toEqual({ width: 720, height: 405 });
    // A derived bar counts as a bar.
    const derived = { derived: { kind: 'complement', of: 'f-0', total: 100, label: 'Foreign' } };
    expect(exportSizeFor({ type: 'bar-horizontal', factIds: factIds(4), options: derived })).toEqual(exportSizeFor({ type: 'bar-horizontal', factIds: factIds(5), options: {} }));
  });

  it('gives a big number a short box and every other type a 16:9 one', () => {
    expect(exportSizeFor({ type: 'big-number', factIds: factIds(1), options: {} })).toEqual({ width: 720, height: 220 });
    for (const type of CHART_TYPES.filter((candidate) => candidate !== 'bar-horizontal' && candidate !== 'big-number')) {
      expect(exportSizeFor({ type, factIds: factIds(30), options: {} })).toEqual({ width: 720, height: 405 });
    }
  });
});
