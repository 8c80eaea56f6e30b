import { describe, expect, it } from 'vitest';
import { placeNoteMarker } from '../../../../electron/core/export/note-placement';

/** Where a note marker lands, shown as ^ in the text after the figure. */
const marked = (printed: string, following: string, phraseLength = 0): string => {
  const place = placeNoteMarker(printed, following, phraseLength);
  return `${printed}${following.slice(0, place.before)}${place.separate ? '_' : ''}^${following.slice(place.before)}`;
};

describe('placeNoteMarker (Chicago 14.26: after the phrase and its punctuation, never on a digit)', () => {
  it('follows a word-ending figure directly, and closing punctuation first', () => {
    expect(marked('253 incidents', ' in total')).toBe('253 incidents^ in total');
    expect(marked('253 incidents', '. Sources differ')).toBe('253 incidents.^ Sources differ');
    expect(marked('409 people', ', and')).toBe('409 people,^ and');
  });

  it('moves off a %, a digit or a superscript to the end of the clause', () => {
    expect(marked('over 90%', ' of demining, which the government')).toBe('over 90% of demining,^ which the government');
    expect(marked('11,667 km²', ' of its territory, 13.4%')).toBe('11,667 km² of its territory,^ 13.4%');
    expect(marked('4.9%', ' of resources.')).toBe('4.9% of resources.^');
  });

  it('ignores decimal points and separates with a narrow space when no clause ends nearby', () => {
    expect(marked('4.9%', ' of 4.5 units (see ')).toBe('4.9%_^ of 4.5 units (see ');
    expect(marked('11,667 km²', '')).toBe('11,667 km²_^');
  });

  it('keeps a note on something in parentheses inside them (Chicago 14.26)', () => {
    expect(marked('Donations are most needed.', ').')).toBe('Donations are most needed.^).');
    expect(marked('4.9%', '); both show')).toBe('4.9%_^); both show');
    expect(marked('about 11,667 km²', ' of land) and more, later')).toBe('about 11,667 km² of land^) and more, later');
  });

  it('puts the marker after the noun that completes a value-only figure', () => {
    expect(marked('415', ' casualties in 253', ' casualties'.length)).toBe('415 casualties^ in 253');
  });
});
