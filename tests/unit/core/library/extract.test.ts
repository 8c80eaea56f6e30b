import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNumeral, proposeFacts, splitSentences, type Candidate } from '../../../../electron/core/library/extract';

const seedsDirectory = fileURLToPath(new URL('../../../../seeds/', import.meta.url));

function figures(text: string): Array<Pick<Candidate, 'value' | 'unit' | 'raw'>> {
  return proposeFacts(text).map(({ value, unit, raw }) => ({ value, unit, raw }));
}

describe('parseNumeral', () => {
  it('reads a comma before exactly three digits as a thousands separator', () => {
    expect(parseNumeral('11,667')).toBe(11667);
    expect(parseNumeral('3,400')).toBe(3400);
    expect(parseNumeral('1,500,000')).toBe(1500000);
    expect(parseNumeral('1,234.5')).toBe(1234.5);
  });

  it('reads any other comma as a decimal comma', () => {
    expect(parseNumeral('4,9')).toBe(4.9);
    expect(parseNumeral('13,4')).toBe(13.4);
    expect(parseNumeral('0,25')).toBe(0.25);
    expect(parseNumeral('2,5000')).toBe(2.5);
  });

  it('reads dotted and spaced thousands groups', () => {
    expect(parseNumeral('1.500.000')).toBe(1500000);
    expect(parseNumeral('86\u00A0600')).toBe(86600);
    expect(parseNumeral('14.2')).toBe(14.2);
  });
});

describe('splitSentences', () => {
  it('does not split inside decimals or after abbreviations, and keeps offsets', () => {
    const text = 'Dr. Aliyev said 1.5 million were laid. Then 4,9% came.\nA new line starts here';
    const spans = splitSentences(text);
    expect(spans.map((span) => span.text)).toEqual([
      'Dr. Aliyev said 1.5 million were laid.',
      'Then 4,9% came.',
      'A new line starts here',
    ]);
    for (const span of spans) expect(text.slice(span.start, span.start + span.text.length)).toBe(span.text);
  });

  it('ends a sentence after a closing quote', () => {
    const text = '“It was 25 percent accurate,” he said. “The total exceeded 3,400,” Bayramov said.';
    expect(splitSentences(text)).toHaveLength(2);
  });
});

describe('proposeFacts', () => {
  it('reads decimal commas and percentages', () => {
    expect(figures('Foreign assistance has accounted for only 4,9% of the resources.')).toEqual([
      { value: 4.9, unit: '%', raw: '4,9' },
    ]);
    expect(figures('This area constitutes more than 13,4% of the territory.')[0]).toMatchObject({ value: 13.4, unit: '%' });
    expect(figures('The maps were only “25 percent accurate,” he added.')).toEqual([{ value: 25, unit: '%', raw: '25' }]);
    expect(figures('This accounts for just 14.2% of the area.')).toEqual([{ value: 14.2, unit: '%', raw: '14.2' }]);
  });

  it('reads thousands separators and area units', () => {
    expect(figures('It stands at approximately 11,667 square kilometres.')).toEqual([
      { value: 11667, unit: 'km²', raw: '11,667' },
    ]);
    expect(figures('Azerbaijan has cleared 166,000 hectares of land.')).toEqual([
      { value: 166000, unit: 'hectares', raw: '166,000' },
    ]);
    expect(figures('An area of 250 km2 was surveyed.')).toEqual([{ value: 250, unit: 'km²', raw: '250' }]);
  });

  it('applies million and billion multipliers, in digits and in words', () => {
    expect(figures('More than 1.5 million mines were buried in these areas.')).toEqual([
      { value: 1500000, unit: 'landmines', raw: '1.5 million' },
    ]);
    expect(figures('Over one million landmines still endanger civilians.')).toEqual([
      { value: 1000000, unit: 'landmines', raw: 'one million' },
    ]);
    expect(figures('The plan costs 2 billion over ten years.')[0]).toMatchObject({ value: 2e9, raw: '2 billion' });
  });

  it('recognises currencies before and after the figure', () => {
    expect(figures('Donors gave $2.5 million last year.')).toEqual([{ value: 2500000, unit: 'USD', raw: '2.5 million' }]);
    expect(figures('The budget was AZN 300 in total.')).toEqual([{ value: 300, unit: 'AZN', raw: '300' }]);
    expect(figures('It cost 120 manat per hectare.')).toEqual([{ value: 120, unit: 'AZN', raw: '120' }]);
    expect(figures('The EU pledged €20m to the fund.')).toEqual([{ value: 20000000, unit: 'EUR', raw: '20m' }]);
    expect(figures('They raised 4,000 EUR for it.')).toEqual([{ value: 4000, unit: 'EUR', raw: '4,000' }]);
  });

  it('guesses what is counted from the words after the figure', () => {
    const text =
      'About 190 officials representing 51 countries attended. ' +
      'Armenia made 2700 anti-personnel mines. ' +
      'Azerbaijan recorded 247 mine-related incidents, resulting in 409 casualties. ' +
      'It delayed the return of more than 700,000 internally displaced persons. ' +
      'Azerbaijan hosted three global conferences. ' +
      'After the 44-day war, 57 were killed and 245 were injured.';
    expect(figures(text)).toEqual([
      { value: 190, unit: 'officials', raw: '190' },
      { value: 51, unit: 'countries', raw: '51' },
      { value: 2700, unit: 'landmines', raw: '2700' },
      { value: 247, unit: 'incidents', raw: '247' },
      { value: 409, unit: 'people', raw: '409' },
      { value: 700000, unit: 'IDPs', raw: '700,000' },
      { value: 3, unit: 'conferences', raw: 'three' },
      { value: 44, unit: 'days', raw: '44' },
      { value: 57, unit: 'people', raw: '57' },
      { value: 245, unit: 'people', raw: '245' },
    ]);
  });

  it('falls back to the noun before the figure', () => {
    expect(figures('Over the last 30 years, the toll of landmine victims has exceeded 3,400.')).toEqual([
      { value: 30, unit: 'years', raw: '30' },
      { value: 3400, unit: 'people', raw: '3,400' },
    ]);
  });

  it('excludes years, days of the month, ordinals and codes', () => {
    const text =
      'Since 2022 the conference met in Baku on May 24-26, and its first day was May 25 in Aghdam. ' +
      'From the end of war in 2020 until 31 December 2025 nothing was counted. ' +
      'It was declared the 18th National SDG in the 1990s, under the 1954 Hague Convention. ' +
      'COVID-19 and the G20 are not figures either, nor is the date 2025-12-24 or Комментарии (0).';
    expect(figures(text)).toEqual([]);
  });

  it('keeps a four-digit count that is clearly not a year', () => {
    expect(figures('Deminers found 2000 landmines near the road.')).toEqual([{ value: 2000, unit: 'landmines', raw: '2000' }]);
  });

  it('keeps prose numbers out but counts written numbers before a counted thing', () => {
    expect(figures('One of the main obstacles is one road.')).toEqual([]);
    expect(figures('It faces nearly three decades of conflict.')).toEqual([{ value: 3, unit: 'decades', raw: 'three' }]);
  });

  it('gives both ends of a range the unit written after it', () => {
    expect(figures('Clearance costs rose by 10-15% this year.')).toEqual([
      { value: 10, unit: '%', raw: '10' },
      { value: 15, unit: '%', raw: '15' },
    ]);
  });

  it('returns quotes that are exact substrings at quoteStart', () => {
    const text = ' date 2025-12-24 header\n\nIt states that 388 people have been killed or injured. Another 361 children were hurt.';
    const candidates = proposeFacts(text);
    expect(candidates.map((candidate) => candidate.value)).toEqual([388, 361]);
    for (const candidate of candidates) {
      expect(text.slice(candidate.quoteStart, candidate.quoteStart + candidate.quote.length)).toBe(candidate.quote);
      expect(candidate.quote).toContain(candidate.raw);
    }
    expect(candidates[0]?.quote).toBe('It states that 388 people have been killed or injured.');
  });

  it('proposes a repeated sentence once, at its first position', () => {
    const paragraph = 'Foreign assistance has accounted for only 4,9% of the resources. At least 60 states are contaminated.';
    const text = `Headline\n${paragraph}\nSomething else.\n${paragraph}\n`;
    const candidates = proposeFacts(text);
    expect(candidates.map((candidate) => candidate.value)).toEqual([4.9, 60]);
    expect(candidates[0]?.quoteStart).toBe(text.indexOf('Foreign'));
    expect(candidates[1]?.quoteStart).toBe(text.indexOf('At least'));
  });
});

describe('proposeFacts on the seed documents', () => {
  const library = JSON.parse(readFileSync(`${seedsDirectory}library.json`, 'utf8')) as {
    sources: Array<{ id: string; document: string }>;
    facts: Array<{ id: string; sourceId: string; value: number | null; unit: string | null; quote: string }>;
  };

  it('finds every figure of the seed library, with its unit', () => {
    const missing: string[] = [];
    const wrongUnit: string[] = [];
    for (const source of library.sources) {
      const text = readFileSync(seedsDirectory + source.document, 'utf8');
      const candidates = proposeFacts(text);
      for (const fact of library.facts.filter((item) => item.sourceId === source.id && item.value !== null)) {
        const match = candidates.find(
          (candidate) => candidate.value === fact.value && (candidate.quote.includes(fact.quote) || fact.quote.includes(candidate.quote)),
        );
        if (!match) missing.push(fact.id);
        else if (match.unit !== fact.unit) wrongUnit.push(`${fact.id}: ${match.unit} ≠ ${fact.unit}`);
      }
    }
    expect(missing).toEqual([]);
    // The extractor may miss a unit the editor supplied (it never sees "587 of them have lost
    // their lives" as people), but it must not propose a different one.
    expect(wrongUnit.filter((line) => !line.includes(': null'))).toEqual([]);
  });

  it('proposes document 004, which repeats its whole text, once per figure', () => {
    const text = readFileSync(`${seedsDirectory}documents/004_679e281582fdccfe.txt`, 'utf8');
    const candidates = proposeFacts(text);
    expect(candidates.map((candidate) => candidate.value)).toEqual([60, 11667, 13.4, 86600, 1000000, 253, 415, 30, 3400, 4.9]);
    const repeatStart = text.lastIndexOf('At least 60 states');
    expect(repeatStart).toBeGreaterThan(text.indexOf('At least 60 states'));
    for (const candidate of candidates) expect(candidate.quoteStart).toBeLessThan(repeatStart);
  });
});
