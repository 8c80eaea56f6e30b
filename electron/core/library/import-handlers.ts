import { factInputSchema, sourceInputSchema, type FactInput, type SourceInput } from '../../shared/contract/library';
import type { Fact, Source } from '../../shared/entities';
import { DossierError } from '../errors';
import { guessMetadata, toPlainText } from './document-text';
import { proposeFactsUpTo, splitSentences } from './extract';
import { buildFact, ensureIndicator } from './fact-handlers';
import { MAX_PROPOSED_FIGURES } from './import-limits';
import type { LibraryContext } from './library-context';

const MAX_TITLE = 300;
const MAX_NAME = 200;
/** The longest source text the library stores (sourceSchema). */
const MAX_SOURCE_TEXT = 2_000_000;

/** A best guess the user confirms: Azerbaijani letters, then Cyrillic, else English. */
const guessLanguage = (text: string): string => {
  const sample = text.slice(0, 20_000);
  if (/[əƏ]/.test(sample)) return 'az';
  const cyrillic = sample.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  return cyrillic > sample.length / 4 ? 'ru' : 'en';
};

const countRepeatedSentences = (text: string): number => {
  const seen = new Set<string>();
  let repeated = 0;
  for (const span of splitSentences(text)) {
    const key = span.text.replace(/\s+/g, ' ').trim();
    if (!key) continue;
    if (seen.has(key)) repeated += 1;
    else seen.add(key);
  }
  return repeated;
};

export const createImportHandlers = ({ state, now, newId }: LibraryContext) => ({
  'import:propose': ({ fileName, content }: { fileName: string; content: string }) => {
    const { text, title: htmlTitle } = toPlainText(fileName, content);
    if (!text.trim()) throw new DossierError('INVALID_INPUT', `${fileName} holds no readable text.`);
    if (text.length > MAX_SOURCE_TEXT) {
      throw new DossierError('INVALID_INPUT', `${fileName} is too long to store as one source (${text.length.toLocaleString('en')} characters; the limit is ${MAX_SOURCE_TEXT.toLocaleString('en')}). Split it into parts.`);
    }
    const metadata = guessMetadata(text);
    const title = (htmlTitle || metadata.title || fileName.replace(/\.[^.]+$/, '')).trim().slice(0, MAX_TITLE) || 'Untitled document';
    const source: SourceInput = {
      type: 'document',
      title,
      outlet: null,
      via: null,
      authors: metadata.authors
        .map((person) => ({ family: person.family.slice(0, MAX_NAME), ...(person.given ? { given: person.given.slice(0, MAX_NAME) } : {}) }))
        .filter((person) => person.family.trim()),
      published: metadata.published,
      language: guessLanguage(text),
      url: null,
      text,
      origin: fileName.slice(0, 1000),
      note: '',
    };
    const proposal = proposeFactsUpTo(text, MAX_PROPOSED_FIGURES);
    const candidates = proposal.candidates.map((candidate) => ({
      statement: candidate.sentence.slice(0, 2000),
      quote: candidate.quote,
      quoteStart: candidate.quoteStart,
      value: candidate.value,
      unit: candidate.unit,
      qualifier: candidate.qualifier,
      raw: candidate.raw,
    }));
    return { source: sourceInputSchema.parse(source), candidates, figuresFound: proposal.figuresFound, duplicatesCollapsed: countRepeatedSentences(text) };
  },

  'import:commit': ({ source: sourceInput, facts: factInputs }: { source: SourceInput; facts: Omit<FactInput, 'sourceId'>[] }) =>
    state.change((document) => {
      const timestamp = now().toISOString();
      const source: Source = { ...sourceInputSchema.parse(sourceInput), id: newId('src'), revision: 1, createdAt: timestamp, updatedAt: timestamp };
      // Build everything against a scratch copy first: a bad candidate refuses the whole import.
      const scratch = { ...document, sources: [...document.sources, source] };
      const seen = new Set<string>();
      const facts: Fact[] = [];
      for (const [index, input] of factInputs.entries()) {
        const parsed = factInputSchema.parse({ ...input, sourceId: source.id });
        const key = `${parsed.quote}\u0000${parsed.value}\u0000${parsed.unit}`;
        if (seen.has(key)) continue;
        seen.add(key);
        try {
          facts.push(buildFact(scratch, parsed, newId('fact'), timestamp));
        } catch (error) {
          if (error instanceof DossierError) throw new DossierError(error.code, `Fact ${index + 1}: ${error.message}`);
          throw error;
        }
      }
      document.sources.push(source);
      for (const fact of facts) ensureIndicator(document, fact.indicator, fact.unit);
      document.facts.push(...facts);
      return { result: { source, facts }, touchedFacts: facts.map((fact) => fact.id) };
    }),
});
