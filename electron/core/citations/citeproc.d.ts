/**
 * The small part of citeproc-js (npm `citeproc`, CommonJS, no bundled types) that Dossier uses.
 * See https://citeproc-js.readthedocs.io/ for the full API.
 */
declare module 'citeproc' {
  export interface CslSys {
    retrieveLocale(lang: string): string | undefined;
    retrieveItem(id: string): unknown;
  }

  export interface CslCitation {
    citationID: string;
    citationItems: { id: string; locator?: string; label?: string }[];
    properties: { noteIndex: number };
  }

  export interface CslBibliographyMeta {
    entry_ids: string[][];
    bibliography_errors: { index: number; itemID: string; error_code: number }[];
    [key: string]: unknown;
  }

  export class Engine {
    constructor(sys: CslSys, style: string | object, lang?: string, forceLang?: boolean);
    opt: { development_extensions: Record<string, unknown>; [key: string]: unknown };
    rebuildProcessorState(citations: CslCitation[], mode?: 'html' | 'text' | 'rtf', uncitedItemIDs?: string[]): [string, number, string][];
    restoreProcessorState(citations?: CslCitation[]): unknown;
    makeBibliography(): [CslBibliographyMeta, string[]] | false;
    setOutputFormat(mode: 'html' | 'text' | 'rtf'): void;
  }

  export const XmlJSON: { prototype: Record<string, unknown> } | undefined;

  const CSL: { Engine: typeof Engine; XmlJSON?: { prototype: Record<string, unknown> } };
  export default CSL;
}
