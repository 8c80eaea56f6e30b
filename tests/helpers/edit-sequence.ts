import type { Block, Chart, Inline, Report } from '../../electron/shared/entities';
import type { TestApp } from './open-test-app';

/**
 * Seeded random edits of the kind a user makes while the preview keeps rendering: prose typed in
 * Azerbaijani, Cyrillic and symbols, facts cited and uncited, charts added, moved and edited,
 * the citation style switched, a cited figure changed in the library. Used by the differential
 * render test and the longer soak (scripts/soak-render.mjs).
 */

/** mulberry32: small, seedable, the same sequence on every machine. */
export const seededRandom = (seed: number): ((n: number) => number) => {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
};

/** Text a user types: each string brings glyphs the report had not used before. */
const TYPED = [
  ' Qəbələ €',
  ' Ağdam — 12,5 km²',
  ' разминирование территорий',
  ' −4.9% ',
  ' “quoted” and ‘single’',
  ' № 5 ½ ≈ ± ‰',
  ' Şuşa, İlham, ğüöçı',
  ' Ölçü: 3 800 m² ',
  ' Zəngilan və Füzuli rayonları',
  ' Ж Щ Ю Я ё',
  ' →  ∑ ∞ ≤ ≥',
  ' xyz 0123456789',
];

export interface EditContext {
  app: TestApp;
  random: (n: number) => number;
  factIds: string[];
  chartIds: string[];
}

const inlineLists = (report: Report): Inline[][] =>
  report.sections.flatMap((section) =>
    section.blocks.flatMap((block): Inline[][] => (block.kind === 'paragraph' ? [block.content] : block.kind === 'list' ? block.items : [])),
  );

const pick = <T>(random: (n: number) => number, items: readonly T[]): T | undefined => (items.length ? items[random(items.length)] : undefined);

/** Applies one random edit to `report` (in place) or to the library; returns what was done. */
export const applyRandomEdit = async (report: Report, context: EditContext): Promise<string> => {
  const { app, random } = context;
  const kind = random(9);
  const lists = inlineLists(report);
  if (kind <= 1) {
    const list = pick(random, lists);
    if (!list) return 'no paragraph';
    const text = TYPED[random(TYPED.length)]!;
    list.splice(random(list.length + 1), 0, { kind: 'text', text });
    return `typed ${JSON.stringify(text)}`;
  }
  if (kind === 2) {
    const list = pick(random, lists);
    const factId = pick(random, context.factIds);
    if (!list || !factId) return 'no paragraph';
    list.splice(random(list.length + 1), 0, { kind: 'fact', factId });
    return `cited ${factId}`;
  }
  if (kind === 3) {
    const withFacts = lists.filter((list) => list.some((inline) => inline.kind === 'fact'));
    const list = pick(random, withFacts);
    if (!list) return 'nothing to uncite';
    const positions = list.flatMap((inline, i) => (inline.kind === 'fact' ? [i] : []));
    const [removed] = list.splice(pick(random, positions)!, 1);
    return `uncited ${(removed as { factId: string }).factId}`;
  }
  if (kind === 4) {
    const chartId = pick(random, context.chartIds);
    const section = pick(random, report.sections);
    if (!chartId || !section) return 'no chart';
    const block: Block = { kind: 'chart', chartId, width: random(2) ? 'full' : 'half' };
    section.blocks.splice(random(section.blocks.length + 1), 0, block);
    return `added chart ${chartId}`;
  }
  if (kind === 5) {
    const places = report.sections.flatMap((section) => section.blocks.flatMap((block, i) => (block.kind === 'chart' ? [{ section, i }] : [])));
    const place = pick(random, places);
    const target = pick(random, report.sections);
    if (!place || !target) return 'no chart to move';
    const [block] = place.section.blocks.splice(place.i, 1);
    target.blocks.splice(random(target.blocks.length + 1), 0, block!);
    return 'moved a chart';
  }
  if (kind === 6) {
    const chartId = pick(random, context.chartIds);
    if (!chartId) return 'no chart';
    const chart: Chart = await app.call('charts:get', { id: chartId });
    const text = TYPED[random(TYPED.length)]!.trim();
    const field = (['title', 'subtitle', 'caption'] as const)[random(3)]!;
    await app.call('charts:save', { chart: { ...chart, [field]: `${chart[field]} ${text}`.slice(-400) } });
    return `chart ${chartId} ${field} += ${JSON.stringify(text)}`;
  }
  if (kind === 7) {
    report.citationStyle = report.citationStyle === 'chicago' ? 'apa' : 'chicago';
    return `style ${report.citationStyle}`;
  }
  const factId = pick(random, context.factIds);
  if (!factId) return 'no fact';
  const value = [388, 85.8, 4.9, 13.4, 11666.9, 2372, 415, 0.5][random(8)]!;
  const { fact } = await app.call('facts:get', { id: factId });
  await app.call('facts:update', { id: factId, revision: fact.revision, changes: { value } });
  return `fact ${factId} value ${value}`;
};
