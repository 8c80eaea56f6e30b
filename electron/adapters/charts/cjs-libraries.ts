import { createRequire } from 'node:module';
import type * as EchartsModule from 'echarts';
import type * as FontkitModule from 'fontkit';

/**
 * ECharts and fontkit, loaded as the CommonJS builds Node's `require` picks.
 *
 * An ESM `import` of either resolves to a different file than `require` does: ECharts' ESM entry
 * is some 900 small modules (about twice the memory of its single-file CommonJS bundle, +40 MB
 * against +20 MB here, more under a TypeScript loader), and fontkit's `import` entry is a second
 * copy of the fontkit that pdfkit `require`s. The PDF export's peak memory has a budget (250 MB
 * for a 10-page report), so both are required, once, from here.
 */
const requireCjs = createRequire(import.meta.url);

export type Echarts = typeof EchartsModule;
export type Fontkit = typeof FontkitModule;

let echarts: Echarts | null = null;
let fontkit: Fontkit | null = null;

export const loadEcharts = (): Echarts => (echarts ??= requireCjs('echarts') as Echarts);
export const loadFontkit = (): Fontkit => (fontkit ??= requireCjs('fontkit') as Fontkit);
