import CSL, { type CslCitation, type Engine } from 'citeproc';
import type { Source } from '../../shared/entities';
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
 * Building a citeproc-js engine for the 234 kB Chicago style takes ~1–2 s (it walks the whole XML
 * tree once per macro call), so engines are cached per style and language for the life of the
 * process and reset (`restoreProcessorState([])`) before each document. `format` runs
 * synchronously from reset to bibliography, so two formatters sharing an engine cannot interleave.
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

let macroIndexInstalled = false;

/**
 * citeproc-js 2.4 looks up a macro by walking the whole style tree on every macro call while it
 * builds an engine (`XmlJSON.getNodesByName(root, 'macro', name)`): with Chicago's ~300 macros
 * that is most of the build time. This indexes macro nodes by name per tree, once. Same nodes,
 * same order, so the engine is built exactly as before; only the search is skipped. Installed on
 * first use; if the internals are not there (another citeproc version), nothing is changed.
 */
const installMacroIndex = (): void => {
  if (macroIndexInstalled) return;
  macroIndexInstalled = true;
  const proto = (CSL as { XmlJSON?: { prototype: Record<string, unknown> } }).XmlJSON?.prototype;
  const original = proto?.getNodesByName;
  if (!proto || typeof original !== 'function') return;
  type Node = { name?: string; attrs?: Record<string, string>; children?: unknown[] };
  const search = original as (this: unknown, root: Node, name: string, nameAttr?: string, ret?: Node[]) => Node[];
  const indexes = new WeakMap<Node, Map<string, Node[]>>();
  proto.getNodesByName = function (this: { dataObj?: Node }, root: Node, name: string, nameAttr?: string, ret?: Node[]): Node[] {
    if (name !== 'macro' || !nameAttr || ret || !root || root !== this.dataObj) return search.call(this, root, name, nameAttr, ret);
    let index = indexes.get(root);
    if (!index) {
      index = new Map();
      for (const node of search.call(this, root, 'macro')) {
        const key = node.attrs?.name ?? '';
        const list = index.get(key) ?? [];
        list.push(node);
        index.set(key, list);
      }
      indexes.set(root, index);
    }
    return (index.get(nameAttr) ?? []).slice();
  };
};

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
  const key = `${hash(styleXml)}|${lang}|${Object.keys(locales).sort().map((k) => `${k}:${hash(locales[k] ?? '')}`).join(',')}`;
  const cached = engines.get(key);
  if (cached) return cached;
  installMacroIndex();
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

/** Drops cached engines (tests; or after replacing style files). */
export const clearCitationEngineCache = (): void => engines.clear();

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

export const createCitationFormatter = (options: CitationFormatterOptions): CitationFormatter => {
  if (!options.locales['en-US']) throw new Error('The citation locales must include en-US.');
  const lang = options.lang ?? 'en-GB';
  const sources = new Map(options.items.map((source) => [source.id, source] as const));
  const cslItems = new Map(options.items.map((source) => [source.id, sourceToCsl(source, { includeUrls: options.includeUrls })] as const));
  const isNoteStyle = isNoteClass(options.styleXml);

  const format = (clusters: readonly CitationCluster[]): FormattedCitations => {
    const { engine, items } = engineFor(options.styleXml, options.locales, lang);
    items.clear();
    for (const [id, item] of cslItems) items.set(id, item);
    engine.restoreProcessorState([]);

    const citations: CslCitation[] = [];
    const clusterIndex: number[] = []; // citation index → cluster index
    clusters.forEach((cluster, index) => {
      const known = cluster.sourceIds.filter((id) => cslItems.has(id));
      if (known.length === 0) return;
      citations.push({
        citationID: `c${index}-${protectLiteral(cluster.id)}`,
        citationItems: known.map((id) => ({ id })),
        properties: { noteIndex: isNoteStyle ? citations.length + 1 : 0 },
      });
      clusterIndex.push(index);
    });

    const rendered = citations.length > 0 ? engine.rebuildProcessorState(citations, 'html') : [];
    const out: TextRun[][] = clusters.map(() => [{ text: 'Source not found.' }]);
    rendered.forEach((row, i) => {
      const target = clusterIndex[i];
      const cluster = target === undefined ? undefined : clusters[target];
      if (target === undefined || !cluster) return;
      let runs = toRuns(row[2]);
      // The relay belongs with the full note (first citation of the source), not the short ones.
      const firstSource = cluster.sourceIds.find((id) => cslItems.has(id));
      const firstUse = firstSource !== undefined && clusters.findIndex((c) => c.sourceIds.includes(firstSource)) === target;
      if (isNoteStyle && firstUse && cluster.sourceIds.length === 1) runs = withRelay(runs, sources.get(firstSource));
      out[target] = runs;
    });

    const bibliography: BibliographyEntry[] = [];
    const listed = new Set<string>();
    const made = citations.length > 0 ? engine.makeBibliography() : false;
    if (made) {
      const [meta, entries] = made;
      const skipped = new Set(meta.bibliography_errors.map((error) => error.itemID));
      const ids = meta.entry_ids.map((group) => group[0] ?? '').filter((id) => !skipped.has(id));
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
    for (const citation of citations) for (const item of citation.citationItems) if (!cited.includes(item.id)) cited.push(item.id);
    for (const id of cited) {
      const source = sources.get(id);
      if (!listed.has(id) && source) bibliography.push({ sourceId: id, runs: withRelay(fallbackEntry(source), source) });
    }
    items.clear();
    return { citations: out, bibliography };
  };

  return { style: options.style ?? null, isNoteStyle, styleTitle: styleTitleOf(options.styleXml), format };
};
