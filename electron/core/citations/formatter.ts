import CSL, { type CslCitation, type Engine } from 'citeproc';
import type { Source } from '../../shared/entities';
import { libraryPatchesActive } from '../../patches/versions';
import { installMacroIndex, installSortMacroSharing } from '../../patches/citeproc';
import { protectLiteral, restoreLiteral, sourceToCsl, type CslItem } from './csl-json';
import { htmlToRuns, mergeRuns, type TextRun } from './runs';

/**
 * Citations through citeproc-js with its stateful API.
 *
 * `format(clusters)` takes every citation of a document in reading order and hands them to
 * `rebuildProcessorState` in one go, so the processor knows which source was cited before: in a
 * notes style (Chicago notes-bibliography) the second and later notes for a source come out in the
 * style's shortened form ("Əliyev, “Mine Clearance.”"); in an author-date style (APA) each cluster
 * is an in-text citation ("(Əliyev, 2025)"). The bibliography holds the sources cited, sorted the
 * style's way.
 *
 * Output is text runs `{ text, italics?, bold?, sup?, smallCaps? }`, never HTML: see `runs.ts`.
 *
 * Building a citeproc-js engine is slow and, stock, large (almost all of it its bibliography sort
 * keys); `patches/citeproc.ts` makes it much smaller and quicker to build without changing what
 * the engine prints (`npm run bench` times exports with the patches on and off). Engines are
 * cached per style and language for the life of the process and reset
 * (`restoreProcessorState([])`) before each document. `format`
 * runs synchronously from reset to bibliography, so two formatters sharing an engine cannot
 * interleave. Clusters that repeat an earlier one's sources and positions are formatted once
 * (`representatives`).
 */

export type CitationStyleId = 'chicago' | 'apa';

/** The bundled style files under resources/csl/, by the id a report stores. */
export const CSL_STYLE_FILES: Readonly<Record<CitationStyleId, string>> = {
  chicago: 'chicago-notes-bibliography.csl',
  apa: 'apa.csl',
};

/** Locale files under resources/csl/ (citeproc-js must always be able to load en-US). */
export const CSL_LOCALE_FILES: Readonly<Record<string, string>> = {
  'en-US': 'locales-en-US.xml',
  'en-GB': 'locales-en-GB.xml',
};

export interface CitationFormatterOptions {
  styleXml: string;
  /** Locale XML by language tag; must contain `en-US`. */
  locales: Readonly<Record<string, string>>;
  items: readonly Source[];
  /** Informational: which of our styles `styleXml` is (the processor reads the XML itself). */
  style?: CitationStyleId;
  /** The locale for terms and dates ("24 December 2025" in en-GB). Default en-GB. */
  lang?: string;
  /** Print source URLs as text. Default false: report PDFs carry no URLs (DESIGN §5). */
  includeUrls?: boolean;
  /**
   * Format each distinct (sources, first/subsequent) combination once and reuse it for the
   * clusters that repeat it (see `representatives`). Default true; off sends every cluster through
   * citeproc-js (the same output, slower: for tests and measurement).
   */
  shareRepeatedCitations?: boolean;
}

/** One citation: a note in a notes style, an in-text citation in an author-date style. */
export interface CitationCluster {
  /** Unique within the document. */
  id: string;
  /** Sources cited together in this cluster, in the order given. */
  sourceIds: readonly string[];
}

export interface BibliographyEntry {
  sourceId: string;
  runs: TextRun[];
}

export interface FormattedCitations {
  /** One entry per cluster, in the order given. */
  citations: TextRun[][];
  /** Every cited source once, in the style's order. */
  bibliography: BibliographyEntry[];
}

export interface CitationFormatter {
  readonly style: CitationStyleId | null;
  /** True for notes styles (Chicago notes-bibliography), false for in-text styles (APA). */
  readonly isNoteStyle: boolean;
  /** The style's name from its `<info><title>`. */
  readonly styleTitle: string;
  format(clusters: readonly CitationCluster[]): FormattedCitations;
}

// ---------------------------------------------------------------------------------------------
// Engine cache
// ---------------------------------------------------------------------------------------------

interface CachedEngine {
  engine: Engine;
  /** The items the engine reads while `format` runs; swapped per document. */
  items: Map<string, CslItem>;
}

const engines = new Map<string, CachedEngine>();
const MAX_ENGINES = 8;

const hash = (text: string): string => {
  // FNV-1a, enough to key a cache by style text without keeping a second copy of it as the key.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16)}:${text.length}`;
};

const engineFor = (styleXml: string, locales: Readonly<Record<string, string>>, lang: string): CachedEngine => {
  // An engine built with the patches is kept apart from one built without them.
  const patched = libraryPatchesActive();
  const key = `${patched ? 'patched' : 'stock'}|${hash(styleXml)}|${lang}|${Object.keys(locales).sort().map((k) => `${k}:${hash(locales[k] ?? '')}`).join(',')}`;
  const cached = engines.get(key);
  if (cached) return cached;
  if (patched) {
    installMacroIndex();
    installSortMacroSharing();
  }
  const items = new Map<string, CslItem>();
  const sys = {
    retrieveLocale: (tag: string): string | undefined => locales[tag] ?? locales['en-US'],
    retrieveItem: (id: string): CslItem | undefined => items.get(id),
  };
  const engine = new CSL.Engine(sys, styleXml, lang, true);
  engine.opt.development_extensions.wrap_url_and_doi = false;
  const entry = { engine, items };
  if (engines.size >= MAX_ENGINES) engines.delete(engines.keys().next().value as string);
  engines.set(key, entry);
  return entry;
};


// ---------------------------------------------------------------------------------------------
// Formatter
// ---------------------------------------------------------------------------------------------

const styleTitleOf = (styleXml: string): string => {
  const raw = /<info>[\s\S]*?<title>([\s\S]*?)<\/title>/.exec(styleXml)?.[1] ?? '';
  return raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
};

const isNoteClass = (styleXml: string): boolean => /<style\b[^>]*\bclass="note"/.test(styleXml);

const toRuns = (html: string): TextRun[] => htmlToRuns(html).map((run) => ({ ...run, text: restoreLiteral(run.text) }));

/** Appends the relay ("via Azernews") the styles have no variable for, as its own sentence. */
const withRelay = (runs: TextRun[], source: Source | undefined): TextRun[] => {
  const via = source?.via?.trim();
  if (!via) return runs;
  return mergeRuns([...runs, { text: ` Relayed via ${via}.` }]);
};

/** For a source the style leaves out of its bibliography (e.g. Chicago omits unpublished documents). */
const fallbackEntry = (source: Source): TextRun[] => {
  const authors = source.authors
    .map((person) => ('literal' in person ? person.literal : [person.family, person.given].filter(Boolean).join(', ')).trim())
    .filter((name) => name !== '');
  const parts: string[] = [];
  if (authors.length > 0) parts.push(`${authors.join('; ')}.`);
  parts.push(`“${source.title.trim().replace(/[.]$/, '')}.”`);
  const outlet = source.outlet?.trim();
  parts.push(outlet ? `${outlet}, ${source.published ?? 'n.d.'}.` : `${source.published ?? 'n.d.'}.`);
  return [{ text: parts.join(' ').replace(/\.\.$/, '.') }];
};

/**
 * Whether a cluster's text can depend only on its sources and on whether each was cited before:
 * the style tests no ibid, near-note, far-note or container-subsequent position, prints no
 * note-number or citation-number variables, and neither sorts nor collapses the cites within a
 * cluster. (citeproc-js sorts a cluster's cites when it processes the cluster, with the sort keys
 * of that moment, so a sorting style's order can depend on what came before: APA, measured, in
 * 2 of 300 random documents.) Chicago notes-bibliography as bundled qualifies; APA does not.
 */
const clustersDependOnlyOnPosition = (styleXml: string): boolean => {
  if (/\bposition="[^"]*\b(?:ibid|near-note|far-note|container-subsequent)\b/.test(styleXml)) return false;
  if (/first-reference-note-number|first-container-reference-note-number|citation-number|note-number/.test(styleXml)) return false;
  const citation = /<citation\b[\s\S]*?<\/citation>/.exec(styleXml)?.[0];
  return citation !== undefined && !/<sort\b/.test(citation) && !/\bcollapse=/.test(citation);
};

/**
 * A report cites few sources many times: the 200-page benchmark has 1,210 notes over 5 sources.
 * citeproc-js's rebuildProcessorState re-examines every earlier citation for each new one, so its
 * cost grows with the square of the note count, yet in a style where position is only first or
 * subsequent and cites are not sorted (`clustersDependOnlyOnPosition`) a cluster prints the same
 * wherever it stands as long as each of its sources has, or has not, been cited before it: the
 * engine registers every cited item before rendering any cluster.
 *
 * So the sequence is cut to the first cluster of each (source ids, cited-before flags) signature,
 * in reading order, and every other cluster takes its representative's text. The cut sequence
 * keeps each source's position: a source first cited in cluster C is first cited in C in the cut
 * sequence too (C is kept: no earlier cluster has its signature), and a source cited before C was
 * cited by an earlier kept cluster (the one cited before, or the representative of its
 * signature). It registers the same items in the same order, each cited once or more than once as
 * before (the bibliography, its sorting and citeproc's citation-count are unchanged). Verified for
 * Chicago: identical notes and bibliographies with and without it for 800 random documents of up
 * to 120 clusters over clashing names and titles, both locales; the 200-page benchmark's 1,210
 * notes need 10 citeproc-js clusters.
 */
const representatives = (citations: readonly CslCitation[], isNoteStyle: boolean): { citations: CslCitation[]; representativeOf: number[] } => {
  const seen = new Set<string>();
  const bySignature = new Map<string, number>();
  const kept: CslCitation[] = [];
  const representativeOf: number[] = [];
  for (const citation of citations) {
    const signature = citation.citationItems
      .map((item) => {
        const flag = seen.has(item.id) ? 's' : 'f';
        seen.add(item.id);
        return `${flag}${item.id}`;
      })
      .join('\u0000');
    let index = bySignature.get(signature);
    if (index === undefined) {
      index = kept.length;
      bySignature.set(signature, index);
      kept.push({ ...citation, properties: { ...citation.properties, noteIndex: isNoteStyle ? index + 1 : 0 } });
    }
    representativeOf.push(index);
  }
  return { citations: kept, representativeOf };
};

/**
 * citeproc-js keeps its registry in plain objects keyed by item id, so a source id such as
 * "constructor" or "__proto__" would read Object.prototype's member there. Ids cross into citeproc
 * with a prefix no Object.prototype member has, and are read back without it.
 */
const CSL_ID_PREFIX = 'src:';
const toCslId = (id: string): string => `${CSL_ID_PREFIX}${id}`;
const fromCslId = (id: string): string => (id.startsWith(CSL_ID_PREFIX) ? id.slice(CSL_ID_PREFIX.length) : id);

export const createCitationFormatter = (options: CitationFormatterOptions): CitationFormatter => {
  if (!options.locales['en-US']) throw new Error('The citation locales must include en-US.');
  const lang = options.lang ?? 'en-GB';
  const sources = new Map(options.items.map((source) => [source.id, source] as const));
  const cslItems = new Map(options.items.map((source) => [source.id, sourceToCsl(source, { includeUrls: options.includeUrls })] as const));
  const isNoteStyle = isNoteClass(options.styleXml);
  // The shortcut relies on how citeproc-js 2.4.63 positions cites: one of the library patches.
  const shareRepeated = options.shareRepeatedCitations !== false && libraryPatchesActive() && clustersDependOnlyOnPosition(options.styleXml);

  const format = (clusters: readonly CitationCluster[]): FormattedCitations => {
    const { engine, items } = engineFor(options.styleXml, options.locales, lang);
    items.clear();
    for (const [id, item] of cslItems) items.set(toCslId(id), { ...item, id: toCslId(id) });
    engine.restoreProcessorState([]);

    const citations: CslCitation[] = [];
    const clusterIndex: number[] = []; // citation index → cluster index
    clusters.forEach((cluster, index) => {
      const known = cluster.sourceIds.filter((id) => cslItems.has(id));
      if (known.length === 0) return;
      citations.push({
        citationID: `c${index}-${protectLiteral(cluster.id)}`,
        citationItems: known.map((id) => ({ id: toCslId(id) })),
        properties: { noteIndex: isNoteStyle ? citations.length + 1 : 0 },
      });
      clusterIndex.push(index);
    });

    // One citeproc-js call per distinct cluster instead of one per cluster (see `representatives`).
    const plan = shareRepeated ? representatives(citations, isNoteStyle) : null;
    const processed = plan ? plan.citations : citations;
    const rows = processed.length > 0 ? engine.rebuildProcessorState(processed, 'html') : [];
    const runsOf: (TextRun[] | undefined)[] = [];
    const renderedRuns = (i: number): TextRun[] => {
      const row = plan ? (plan.representativeOf[i] ?? -1) : i;
      let runs = runsOf[row];
      if (!runs) {
        runs = toRuns(rows[row]?.[2] ?? '');
        runsOf[row] = runs;
      }
      return runs.map((run) => ({ ...run }));
    };
    // The first cluster citing each source, for the relay below.
    const firstCluster = new Map<string, number>();
    clusters.forEach((cluster, index) => {
      for (const id of cluster.sourceIds) if (!firstCluster.has(id)) firstCluster.set(id, index);
    });
    const out: TextRun[][] = clusters.map(() => [{ text: 'Source not found.' }]);
    citations.forEach((_citation, i) => {
      const target = clusterIndex[i];
      const cluster = target === undefined ? undefined : clusters[target];
      if (target === undefined || !cluster) return;
      let runs = renderedRuns(i);
      // The relay belongs with the full note (first citation of the source), not the short ones.
      const firstSource = cluster.sourceIds.find((id) => cslItems.has(id));
      const firstUse = firstSource !== undefined && firstCluster.get(firstSource) === target;
      if (isNoteStyle && firstUse && cluster.sourceIds.length === 1) runs = withRelay(runs, sources.get(firstSource));
      out[target] = runs;
    });

    const bibliography: BibliographyEntry[] = [];
    const listed = new Set<string>();
    const made = citations.length > 0 ? engine.makeBibliography() : false;
    if (made) {
      const [meta, entries] = made;
      const skipped = new Set(meta.bibliography_errors.map((error) => error.itemID));
      const ids = meta.entry_ids.map((group) => group[0] ?? '').filter((id) => !skipped.has(id)).map(fromCslId);
      entries.forEach((html, i) => {
        const id = ids[i];
        if (!id) return;
        bibliography.push({ sourceId: id, runs: withRelay(toRuns(html), sources.get(id)) });
        listed.add(id);
      });
    }
    // A cited source the style drops from its bibliography is still listed: the reader must be
    // able to find every source the report relies on.
    const cited: string[] = [];
    for (const citation of citations) {
      for (const item of citation.citationItems) {
        const id = fromCslId(item.id);
        if (!cited.includes(id)) cited.push(id);
      }
    }
    for (const id of cited) {
      const source = sources.get(id);
      if (!listed.has(id) && source) bibliography.push({ sourceId: id, runs: withRelay(fallbackEntry(source), source) });
    }
    items.clear();
    return { citations: out, bibliography };
  };

  return { style: options.style ?? null, isNoteStyle, styleTitle: styleTitleOf(options.styleXml), format };
};
