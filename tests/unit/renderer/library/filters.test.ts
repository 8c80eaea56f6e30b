import { describe, expect, it } from 'vitest';
import { countActiveFilters, noFilters, toggle, toQuery, type Filters } from '../../../../renderer/src/library/filters';

describe('library filters', () => {
  it('counts each chosen tag, source and indicator, and each set date or flag', () => {
    expect(countActiveFilters(noFilters)).toBe(0);
    const filters: Filters = { tags: ['mines', 'funding'], sourceIds: ['src-1'], indicators: [], from: '2020', to: null, hasConflict: true };
    expect(countActiveFilters(filters)).toBe(5);
    expect(countActiveFilters({ ...noFilters, from: '2020-11', to: '2025-12-31' })).toBe(2);
    expect(countActiveFilters({ ...noFilters, from: '' })).toBe(0); // a cleared date field is no filter
  });

  it('joins the search text to the filters, trimmed and capped at 500 characters', () => {
    const filters: Filters = { tags: ['mines'], sourceIds: ['src-1'], indicators: ['casualties-since-2020'], from: '2020', to: '2025', hasConflict: true };
    expect(toQuery(filters, '  casualties  ')).toEqual({
      query: 'casualties',
      tags: ['mines'],
      sourceIds: ['src-1'],
      indicators: ['casualties-since-2020'],
      from: '2020',
      to: '2025',
      hasConflict: true,
    });
    expect(toQuery(noFilters, '\u00a0\n').query).toBe('');
    expect(toQuery(noFilters, `  ${'ə'.repeat(600)}`).query).toBe('ə'.repeat(500));
  });

  it('toggles an entry in or out of a list without touching the list', () => {
    const list = ['mines', 'funding'];
    expect(toggle(list, 'funding')).toEqual(['mines']);
    expect(toggle(list, 'idps')).toEqual(['mines', 'funding', 'idps']);
    expect(toggle([], 'x')).toEqual(['x']);
    expect(toggle(toggle(list, 'idps'), 'idps')).toEqual(list);
    expect(list).toEqual(['mines', 'funding']);
  });

  it('leaves the shared empty filters alone', () => {
    expect(noFilters).toEqual({ tags: [], sourceIds: [], indicators: [], from: null, to: null, hasConflict: false });
  });
});
