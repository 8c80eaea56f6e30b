import CSL from 'citeproc';
import { libraryPatchesActive } from './versions';

/**
 * Two patches of citeproc-js 2.4 internals that change how an engine is *built*, never what it
 * prints. Each is installed once, on first use, and only if the internals it replaces are there
 * (another citeproc version is left alone).
 *
 * 1. Macro index. While it builds an engine, citeproc-js looks up a macro by walking the whole
 *    style tree on every macro call (`XmlJSON.getNodesByName(root, 'macro', name)`): with Chicago's
 *    ~300 macros that was most of the build time. This indexes macro nodes by name per tree, once.
 *    Same nodes, same order, so the engine is built exactly as before; only the search is skipped.
 *
 * 2. Sort-key macros compiled once. citeproc-js compiles a macro used in the citation or
 *    bibliography layout once (`state.macros[name]`) and calls it by reference. In a `<sort>` key,
 *    though, it inlines the macro — and every macro that macro calls, recursively — at every call
 *    site into the sort area's flat token list. Chicago's bibliography sort keys (`author-sort`,
 *    `title-and-descriptions-bib`, `source-bib` …) expand to ~217,000 tokens that way (APA:
 *    ~112,000): most of the engine's heap for as long as it lives, and most of its build time.
 *    This builds each macro once per sort area, in the same sort context (extension
 *    `_sort`, same area and root), into its own token list configured the way citeproc configures
 *    layout macros, and calls it by reference exactly as citeproc calls layout macros: the group
 *    tokens around the call and the exec order are unchanged. The one piece of build state a sort
 *    key reads back from its macros, `build.date_key` (a date inside the key adds the year-suffix
 *    key in citation sorts), is recorded per macro and replayed when the macro is reused.
 *    The engine's heap shrinks to a small fraction of the stock one's; sort keys, citations and
 *    bibliographies identical to the stock engine's for 1,200 random documents over both styles
 *    and both locales (sources of every type we produce, clashing names and titles).
 */

type Token = { execs: unknown[]; strings: Record<string, unknown>; cslid?: unknown; postponed_macro?: unknown };

interface CslInternals {
  XmlJSON?: { prototype: Record<string, unknown> };
  expandMacro?: (this: EngineState, token: Token, target: Token[]) => void;
  buildMacro?: (this: EngineState, target: Token[], nodes: unknown) => void;
  tokenExec?: (this: EngineState, token: Token, Item: unknown, item: unknown) => number;
  error?: (message: string) => void;
  Token?: new (name: string, type: number) => Token;
  Node?: { group?: { build?: (this: Token, state: EngineState, target: Token[], real?: boolean) => void } };
  MODULE_MACROS?: Record<string, unknown>;
  START?: number;
  END?: number;
  SINGLETON?: number;
}

interface EngineState {
  build: {
    extension?: string;
    root?: string;
    date_key?: boolean;
    current_default_locale?: string;
    macro_stack: string[];
  };
  tmp: Record<string, unknown>;
  cslXml: {
    dataObj: unknown;
    getNodesByName(root: unknown, name: string, nameAttr?: string): unknown[];
    getAttributeValue(node: unknown, name: string): unknown;
    getNodeValue(nodes: unknown): unknown;
  };
  configureTokenList(tokens: Token[]): void;
}

const csl = CSL as unknown as CslInternals;

/** Read through a call: TypeScript would otherwise keep the `false` it saw assigned before the build. */
const raisedDateKey = (state: EngineState): boolean => state.build.date_key === true;

let macroIndexInstalled = false;

export const installMacroIndex = (): void => {
  if (macroIndexInstalled) return;
  macroIndexInstalled = true;
  const proto = csl.XmlJSON?.prototype;
  const original = proto?.getNodesByName;
  if (!proto || typeof original !== 'function') return;
  type Node = { name?: string; attrs?: Record<string, string>; children?: unknown[] };
  const search = original as (this: unknown, root: Node, name: string, nameAttr?: string, ret?: Node[]) => Node[];
  const indexes = new WeakMap<Node, Map<string, Node[]>>();
  proto.getNodesByName = function (this: { dataObj?: Node }, root: Node, name: string, nameAttr?: string, ret?: Node[]): Node[] {
    if (!libraryPatchesActive() || name !== 'macro' || !nameAttr || ret || !root || root !== this.dataObj) return search.call(this, root, name, nameAttr, ret);
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

let sortMacrosInstalled = false;
let sortMacroSharing = true;

/**
 * Engines built while this is off inline sort-key macros as stock citeproc-js does (for tests
 * that compare the two; engines already built keep what they were built with).
 */
export const setSortMacroSharing = (enabled: boolean): void => {
  sortMacroSharing = enabled;
};

export const installSortMacroSharing = (): void => {
  if (sortMacrosInstalled) return;
  sortMacrosInstalled = true;
  const { expandMacro: original, buildMacro, tokenExec, Token: TokenClass, START, END, SINGLETON } = csl;
  const buildGroup = csl.Node?.group?.build;
  if (
    typeof original !== 'function' ||
    typeof buildMacro !== 'function' ||
    typeof tokenExec !== 'function' ||
    typeof TokenClass !== 'function' ||
    typeof buildGroup !== 'function' ||
    START === undefined ||
    END === undefined ||
    SINGLETON === undefined
  ) {
    return;
  }
  const fail = (message: string): void => {
    if (typeof csl.error === 'function') csl.error(message);
    else throw new Error(message);
  };
  interface Compiled {
    tokens: Token[];
    /** Building it raised `build.date_key`. */
    dateKey: boolean;
  }
  const compiledByEngine = new WeakMap<EngineState, Map<string, Compiled>>();

  // Mirrors CSL.expandMacro (citeproc-js 2.4.63), with the macro's tokens built once per sort area.
  csl.expandMacro = function (this: EngineState, macroKeyToken: Token, target: Token[]): void {
    if (!sortMacroSharing || !libraryPatchesActive() || !this.build.extension) {
      original.call(this, macroKeyToken, target);
      return;
    }
    let mkey = macroKeyToken.postponed_macro as string;
    const macroNodes = this.cslXml.getNodesByName(this.cslXml.dataObj, 'macro', mkey);
    let macroid: unknown = false;
    let hasDate: unknown = false;
    if (macroNodes.length) {
      macroid = this.cslXml.getAttributeValue(macroNodes[0], 'cslid');
      hasDate = this.cslXml.getAttributeValue(macroNodes[0], 'macro-has-date');
    }
    if (hasDate) mkey = `${mkey}@${this.build.current_default_locale}`;
    if (csl.MODULE_MACROS?.[mkey]) {
      // Jurisdiction macros (CSL-M) are left to citeproc.
      original.call(this, macroKeyToken, target);
      return;
    }
    const sortDirection = macroKeyToken.strings.sort_direction;

    const start = new TokenClass('group', START);
    if (hasDate) {
      start.execs.push((state: EngineState) => {
        if (state.tmp.extension) state.tmp['doing-macro-with-date'] = true;
      });
    }
    if (this.build.macro_stack.indexOf(mkey) > -1) fail(`CSL processor error: call to macro "${mkey}" would cause an infinite loop`);
    else this.build.macro_stack.push(mkey);
    start.cslid = macroid;
    buildGroup.call(start, this, target, true);
    if (!this.cslXml.getNodeValue(macroNodes)) fail(`CSL style error: undefined macro "${mkey}"`);

    let compiled = compiledByEngine.get(this);
    if (!compiled) {
      compiled = new Map();
      compiledByEngine.set(this, compiled);
    }
    const key = `${this.build.root ?? ''}${this.build.extension}\u0000${mkey}`;
    let macro = compiled.get(key);
    if (!macro) {
      const outer = this.build.date_key === true;
      this.build.date_key = false;
      macro = { tokens: [], dateKey: false };
      buildMacro.call(this, macro.tokens, macroNodes);
      this.configureTokenList(macro.tokens);
      macro.dateKey = raisedDateKey(this);
      this.build.date_key = outer || macro.dateKey;
      compiled.set(key, macro);
    } else if (macro.dateKey) {
      this.build.date_key = true;
    }
    const tokens = macro.tokens;
    const call = new TokenClass('text', SINGLETON);
    call.execs.push(function (this: Token, state: EngineState, Item: unknown, item: unknown) {
      let next = 0;
      while (next < tokens.length) next = tokenExec.call(state, tokens[next] as Token, Item, item);
    });
    target.push(call);

    const end = new TokenClass('group', END);
    end.strings.sort_direction = sortDirection;
    if (hasDate) {
      end.execs.push((state: EngineState) => {
        if (state.tmp.extension) state.tmp['doing-macro-with-date'] = false;
      });
    }
    buildGroup.call(end, this, target, true);
    this.build.macro_stack.pop();
  };
};
