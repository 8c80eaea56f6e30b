import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { factSchema, indicatorSchema, sourceSchema } from '../../../electron/shared/entities';

/**
 * The seed library (seeds/library.json) against its documents: every quote verbatim, every value
 * in its quote, references whole, and the disagreements between sources kept visible.
 */

const seeds = fileURLToPath(new URL('../../../seeds/', import.meta.url));

interface SeedSource {
  id: string;
  document: string;
  [key: string]: unknown;
}
interface SeedFact {
  id: string;
  sourceId: string;
  statement: string;
  value: number | null;
  unit: string | null;
  qualifier?: string | null;
  asOf: string | null;
  quote: string;
  tags: string[];
  indicator: string | null;
  supersededBy: string | null;
  note: string;
}
interface SeedLibrary {
  indicators: Array<{ key: string; label: string; unit: string | null }>;
  sources: SeedSource[];
  facts: SeedFact[];
}

const library = JSON.parse(readFileSync(`${seeds}library.json`, 'utf8')) as SeedLibrary;
const texts = new Map(library.sources.map((source) => [source.id, readFileSync(seeds + source.document, 'utf8')]));
const textOf = (fact: SeedFact): string => texts.get(fact.sourceId) ?? '';
const factById = new Map(library.facts.map((fact) => [fact.id, fact]));
const fact = (id: string): SeedFact => {
  const found = factById.get(id);
  if (!found) throw new Error(`no fact ${id}`);
  return found;
};

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** The ways a value may be written: 11667 as "11,667", 4.9 as "4,9", 1500000 as "1.5 million", 3 as "three". */
function writtenForms(value: number): string[] {
  const forms = new Set([String(value), String(value).replace('.', ','), value.toLocaleString('en-US')]);
  if (value >= 1e6 && value % 1e5 === 0) {
    const millions = value / 1e6;
    forms.add(`${millions} million`);
    forms.add(`${String(millions).replace('.', ',')} million`);
    if (Number.isInteger(millions) && NUMBER_WORDS[millions]) forms.add(`${NUMBER_WORDS[millions]} million`);
  }
  if (Number.isInteger(value) && NUMBER_WORDS[value]) forms.add(NUMBER_WORDS[value]);
  return [...forms];
}

function valueIsWrittenIn(value: number, quote: string): boolean {
  return writtenForms(value).some((form) => {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Not part of a longer number: "4,9" must not match inside "14,95", nor "3" inside "3,400".
    return new RegExp(`(?<![\\d.,]|\\d[.,])\\b${escaped}(?![\\d]|[.,]\\d)`, 'i').test(quote);
  });
}

describe('seed library', () => {
  it('validates against the entity schemas once the loader has added its fields', () => {
    const now = new Date().toISOString();
    for (const source of library.sources) {
      const { document, ...rest } = source;
      const parsed = sourceSchema.safeParse({ ...rest, text: texts.get(source.id), origin: document, createdAt: now, updatedAt: now });
      expect(parsed.error?.issues ?? [], source.id).toEqual([]);
    }
    for (const item of library.facts) {
      const parsed = factSchema.safeParse({ ...item, quoteStart: textOf(item).indexOf(item.quote), createdAt: now, updatedAt: now });
      expect(parsed.error?.issues ?? [], item.id).toEqual([]);
    }
    for (const indicator of library.indicators) expect(indicatorSchema.safeParse(indicator).success, indicator.key).toBe(true);
  });

  it('has one source per seed document', () => {
    const documents = library.sources.map((source) => source.document).sort();
    expect(documents).toEqual([
      'documents/000_d32220963cb67063.txt',
      'documents/001_1869d3bed80e6ca2.txt',
      'documents/002_57917e50e928226e.txt',
      'documents/003_9c7d46ea8f44871e.txt',
      'documents/004_679e281582fdccfe.txt',
    ]);
  });

  it('has unique ids and whole references', () => {
    const unique = (values: string[]): boolean => new Set(values).size === values.length;
    expect(unique(library.sources.map((source) => source.id))).toBe(true);
    expect(unique(library.facts.map((item) => item.id))).toBe(true);
    expect(unique(library.indicators.map((indicator) => indicator.key))).toBe(true);
    const indicatorUnits = new Map(library.indicators.map((indicator) => [indicator.key, indicator.unit]));
    for (const item of library.facts) {
      expect(texts.has(item.sourceId), item.id).toBe(true);
      if (item.indicator !== null) {
        expect(indicatorUnits.has(item.indicator), item.id).toBe(true);
        expect(item.unit, item.id).toBe(indicatorUnits.get(item.indicator));
      }
      if (item.value !== null) expect(item.indicator, `${item.id} has a value but no indicator`).not.toBeNull();
      else expect(item.unit, item.id).toBeNull();
      if (item.supersededBy !== null) {
        const newer = fact(item.supersededBy);
        expect(newer.indicator, item.id).toBe(item.indicator);
        expect(newer.supersededBy, `${item.id}: superseded by a superseded fact`).toBeNull();
      }
    }
    const used = new Set(library.facts.map((item) => item.indicator));
    for (const indicator of library.indicators) expect(used.has(indicator.key), indicator.key).toBe(true);
  });

  it('quotes every fact verbatim from its document', () => {
    for (const item of library.facts) {
      expect(item.quote.length, item.id).toBeGreaterThan(10);
      expect(textOf(item).includes(item.quote), `${item.id}: quote not in ${item.sourceId}`).toBe(true);
    }
  });

  it('writes every value in its quote', () => {
    for (const item of library.facts.filter((candidate) => candidate.value !== null)) {
      expect(valueIsWrittenIn(item.value as number, item.quote), `${item.id}: ${item.value} not in its quote`).toBe(true);
    }
  });

  it('has no duplicate facts, so the repeated text of document 004 gave one fact per figure', () => {
    const keys = library.facts.map((item) => `${item.sourceId}|${item.quote}|${item.value}`);
    expect(new Set(keys).size).toBe(keys.length);
    const repeated = texts.get('src-mine-action-challenge-undated') ?? '';
    const secondCopy = repeated.lastIndexOf('At least 60 states');
    expect(secondCopy).toBeGreaterThan(repeated.indexOf('At least 60 states'));
    for (const item of library.facts.filter((candidate) => candidate.sourceId === 'src-mine-action-challenge-undated')) {
      expect(repeated.indexOf(item.quote), item.id).toBeLessThan(secondCopy);
    }
  });

  it('reads the hand-picked figures right', () => {
    const expectations: Array<[string, number, string, string]> = [
      ['fact-mineaction-foreign-funding-4-9', 4.9, '%', '4,9%'],
      ['fact-mineaction-contaminated-share-13-4', 13.4, '%', '13,4%'],
      ['fact-mineaction-casualties-since-2020-415', 415, 'people', '415 victims'],
      ['fact-bayramov-area-cleared-166000', 166000, 'hectares', '166,000 hectares'],
      ['fact-bayramov-cleared-share-14-2', 14.2, '%', '14.2%'],
      ['fact-embassy-contaminated-area-11667', 11667, 'km²', '11,667 square kilometers'],
      ['fact-embassy-contaminated-share-13-4', 13.4, '%', '13.4%'],
      ['fact-embassy-landmines-remaining-1m', 1000000, 'landmines', 'one million landmines'],
      ['fact-enveroglu-landmines-laid-1-5m', 1500000, 'landmines', '1.5 million mines'],
      ['fact-enveroglu-casualties-since-2020-302', 302, 'people', '302 Azerbaijani citizens'],
      ['fact-tni-casualties-since-2020-388', 388, 'people', '388 people'],
      ['fact-tni-cumulative-victims-3500', 3500, 'people', '3,500 Azerbaijani citizens'],
    ];
    for (const [id, value, unit, written] of expectations) {
      const item = fact(id);
      expect([item.value, item.unit], id).toEqual([value, unit]);
      expect(item.quote, id).toContain(written);
    }
    expect(fact('fact-mineaction-casualties-since-2020-415').asOf).toBe('2025-12-31');
    expect(library.sources.find((source) => source.id === 'src-jordan-daily-undated')?.['published']).toBeNull();
  });

  it('keeps the qualifier each quote puts before its figure (issue 11 §3)', () => {
    // Read from the quotes by hand: the words as the source wrote them; a verb ("has exceeded
    // 3,400") says "more than"; emphasis ("only 4,9%", "just 14.2%") is not a qualifier.
    const expectations: Array<[string, string | null, string]> = [
      ['fact-mineaction-contaminated-share-13-4', 'more than', 'more than 13,4%'],
      ['fact-mineaction-contaminated-area-11667', 'approximately', 'approximately 11,667'],
      ['fact-mineaction-landmines-remaining-1m', 'more than', 'More than 1 million'],
      ['fact-mineaction-cumulative-victims-3400', 'more than', 'has exceeded 3,400'],
      ['fact-mineaction-states-contaminated-60', 'at least', 'At least 60'],
      ['fact-bayramov-national-funding-90', 'over', 'Over 90%'],
      ['fact-bayramov-erw-cleared-105000', 'around', 'around 105,000'],
      ['fact-bayramov-occupation-3-decades', 'almost', 'almost three-decade'],
      ['fact-embassy-conflict-3-decades', 'nearly', 'nearly three decades'],
      ['fact-embassy-landmines-remaining-1m', 'over', 'Over one million'],
      ['fact-enveroglu-post-war-mines-2700', 'more than', 'more than 2700'],
      ['fact-tni-missing-4000', 'approximately', 'approximately 4,000'],
      ['fact-mineaction-foreign-funding-4-9', null, 'only 4,9%'],
      ['fact-bayramov-cleared-share-14-2', null, 'just 14.2%'],
      ['fact-mineaction-casualties-since-2020-415', null, '415 victims'],
    ];
    for (const [id, qualifier, written] of expectations) {
      expect(fact(id).qualifier ?? null, id).toBe(qualifier);
      expect(fact(id).quote, id).toContain(written);
    }
    // Every figure whose quote puts one of these words right before it carries a qualifier.
    const qualified = library.facts.filter((item) => item.qualifier);
    expect(qualified.length).toBe(22);
  });

  it('keeps qualitative claims as facts without a value', () => {
    const qualitative = library.facts.filter((item) => item.value === null);
    expect(qualitative.length).toBeGreaterThanOrEqual(5);
    expect(fact('fact-enveroglu-national-sdg').quote).toContain('18th National Sustainable Development Goal');
    expect(fact('fact-embassy-female-teams').quote).toContain('first all-female demining teams');
  });

  it('keeps the sources’ disagreements on at least three indicators', () => {
    const byIndicator = new Map<string, SeedFact[]>();
    for (const item of library.facts) {
      if (item.indicator === null || item.value === null) continue;
      byIndicator.set(item.indicator, [...(byIndicator.get(item.indicator) ?? []), item]);
    }
    const conflicting = [...byIndicator.entries()]
      .filter(([, facts]) =>
        facts.some((one) => facts.some((other) => one.sourceId !== other.sourceId && one.value !== other.value)),
      )
      .map(([key]) => key);
    expect(conflicting).toEqual(expect.arrayContaining(['casualties-since-2020', 'cumulative-victims', 'foreign-funding-share']));
    // Mines laid and mines still in the ground are different quantities, not a conflict.
    expect(fact('fact-enveroglu-landmines-laid-1-5m').indicator).not.toBe(fact('fact-embassy-landmines-remaining-1m').indicator);
  });

  it('uses one spelling per tag', () => {
    const tags = new Set(library.facts.flatMap((item) => item.tags));
    const byLowerCase = new Map<string, string[]>();
    for (const tag of tags) byLowerCase.set(tag.toLowerCase(), [...(byLowerCase.get(tag.toLowerCase()) ?? []), tag]);
    expect([...byLowerCase.values()].filter((spellings) => spellings.length > 1)).toEqual([]);
    for (const tag of tags) expect(tag, tag).toMatch(/^(?:[a-z][a-z-]*|\p{Lu}[\p{L} -]*)$/u);
  });
});
