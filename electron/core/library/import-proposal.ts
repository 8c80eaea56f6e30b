import type { ChannelOutput } from '../../shared/contract';
import { sourceInputSchema, type SourceInput } from '../../shared/contract/library';
import { DossierError } from '../errors';
import { guessMetadata, toPlainText } from './document-text';
import { proposeFactsUpTo, splitSentences } from './extract';
import { MAX_PROPOSED_FIGURES } from './import-limits';

export interface ImportFile {
  fileName: string;
  content: string;
}

export type ImportProposal = ChannelOutput<'import:propose'>;

/**
 * Reads a file into a proposed source and fact candidates. A pure function of the file: the
 * hosts run it on a worker thread with a time and memory budget (adapters/workers), so a huge
 * file never holds up the API; tests and the CLI may run it in place.
 */
export interface ImportProposer {
  propose(file: ImportFile): Promise<ImportProposal>;
}

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

export const proposeImport = ({ fileName, content }: ImportFile): ImportProposal => {
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
}
