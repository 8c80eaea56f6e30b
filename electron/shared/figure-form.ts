import { normaliseUnit, type FigureForm } from './format-number';

/**
 * Which form an inline figure takes when its author did not choose one: the sentence decides
 * (issue 11 §3). "{415 people} casualties" must print "415 casualties": when the words after the
 * figure already name what it counts, the figure is written without its unit.
 */

/** Nouns that name what a unit counts, beyond the unit itself. Lower case. */
const UNIT_NOUNS: Record<string, readonly string[]> = {
  people: [
    'people', 'persons', 'person', 'casualties', 'casualty', 'victims', 'victim', 'civilians', 'citizens', 'children',
    'women', 'men', 'survivors', 'deaths', 'fatalities', 'injuries', 'residents', 'individuals', 'inhabitants',
    'refugees', 'azerbaijanis', 'officials', 'participants', 'delegates', 'deminers', 'idps',
  ],
  landmines: ['landmines', 'landmine', 'mines', 'mine', 'anti-personnel', 'anti-tank'],
  incidents: ['incidents', 'incident', 'accidents', 'explosions'],
  'km²': ['square kilometres', 'square kilometers', 'sq km', 'km²', 'km2'],
  'm²': ['square metres', 'square meters', 'm²'],
  hectares: ['hectares', 'hectare', 'ha'],
  ha: ['hectares', 'hectare', 'ha'],
  '%': ['per cent', 'percent', '%'],
  erw: ['explosive remnants', 'erw', 'items of unexploded ordnance', 'uxo'],
  idps: ['idps', 'internally displaced', 'displaced persons', 'displaced people'],
  countries: ['countries', 'states', 'nations'],
};

/** Words that may stand before the noun without changing what is counted ("415 civilian casualties"). */
const MODIFIERS = new Set([
  'mine', 'landmine', 'civilian', 'new', 'recorded', 'reported', 'confirmed', 'registered', 'additional', 'more',
  'other', 'total', 'further', 'direct', 'known', 'estimated', 'anti-personnel',
]);

const singular = (word: string): string => word.replace(/(?<=[^s])s$/, '');

/** The nouns that name `unit`: its own name (singular and plural) and those listed above. */
const nounsFor = (unit: string): string[] => {
  const key = unit.toLowerCase();
  const listed = UNIT_NOUNS[key] ?? UNIT_NOUNS[unit] ?? [];
  return [key, singular(key), ...listed];
};

/**
 * How many characters at the start of `text` name `unit` (at most two modifiers and the noun),
 * 0 when they do not: "casualties in 253 incidents" names "people" in 10 characters;
 * "square kilometres still contaminated" names "km²".
 */
export const unitNounLength = (text: string, unit: string | null | undefined): number => {
  const normalised = normaliseUnit(unit);
  if (!normalised) return 0;
  const nouns = nounsFor(normalised);
  const lower = text.toLowerCase();
  let at = /^\s*/.exec(lower)![0].length;
  for (let skipped = 0; skipped <= 2; skipped += 1) {
    const rest = lower.slice(at);
    const noun = nouns.find((candidate) => rest.startsWith(candidate) && !/^[\p{L}\d]/u.test(rest.slice(candidate.length)));
    if (noun) return at + noun.length;
    const word = /^([\p{L}-]+)\s+/u.exec(rest);
    if (!word?.[1] || !MODIFIERS.has(word[1])) return 0;
    at += word[0].length;
  }
  return 0;
};

export const startsWithUnitNoun = (text: string, unit: string | null | undefined): boolean => unitNounLength(text, unit) > 0;

/**
 * The form a figure takes before `following` (the text after it in the sentence): value only
 * when that text names the unit, otherwise value and unit. A stored choice always wins.
 */
export const inlineFigureForm = (unit: string | null, following: string, chosen?: FigureForm): FigureForm =>
  chosen ?? (startsWithUnitNoun(following, unit) ? 'value' : 'value-unit');
