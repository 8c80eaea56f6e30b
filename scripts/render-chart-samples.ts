/**
 * Renders one chart of each type (plus a few hard cases) to /tmp/chart-samples/*.svg so a person
 * can look at them: `npx tsx scripts/render-chart-samples.ts [outDir]`, then e.g.
 * `rsvg-convert -b white -z 2 x.svg -o x.png`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildChartModel, type ChartFact, type ChartSource } from '../electron/core/charts/chart-model';
import { renderChartSvg } from '../electron/adapters/charts/chart-svg';
import type { Chart } from '../electron/shared/entities';

const outDir = process.argv[2] ?? '/tmp/chart-samples';
mkdirSync(outDir, { recursive: true });

const now = '2026-01-01T00:00:00.000Z';
const sources: ChartSource[] = [
  { id: 's-azernews', outlet: 'AzerNews', published: '2025-12-24' },
  { id: 's-jordan', outlet: 'Jordan Daily', published: '2025-11-02' },
  { id: 's-anama', outlet: 'ANAMA', published: '2025-10-01' },
  { id: 's-undp', outlet: 'UNDP Azerbaijan', published: '2024-06-01' },
  { id: 's-report', outlet: 'Landmine Monitor 2025', published: '2025-11' },
];
const fact = (id: string, sourceId: string, value: number | null, asOf: string | null, indicator: string | null, unit: string | null = null, statement = id): ChartFact => ({
  id,
  sourceId,
  statement,
  value,
  unit,
  asOf,
  indicator,
});
const facts: ChartFact[] = [
  fact('cas-az', 's-azernews', 388, '2025-12', 'casualties-since-2020', 'people'),
  fact('cas-jd', 's-jordan', 382, null, 'casualties-since-2020', 'people'),
  fact('cas-anama', 's-anama', 375, '2025-09', 'casualties-since-2020', 'people'),
  fact('cas-monitor', 's-report', 361, '2025-06', 'casualties-since-2020', 'people'),
  fact('cas-2021', 's-anama', 145, '2021-12', 'casualties-since-2020', 'people'),
  fact('cas-2022', 's-anama', 268, '2022-12', 'casualties-since-2020', 'people'),
  fact('cas-2023', 's-anama', 320, '2023-12', 'casualties-since-2020', 'people'),
  fact('cas-2024', 's-anama', 351, '2024-12', 'casualties-since-2020', 'people'),
  fact('foreign-share', 's-undp', 4.9, '2024', 'foreign-funding-share', '%'),
  fact('cleared-2023', 's-anama', 14_200, '2023', 'land-cleared', 'ha'),
  fact('reduced-2023', 's-anama', 9_800, '2023', 'land-reduced', 'ha'),
  fact('cancelled-2023', 's-anama', 21_500, '2023', 'land-cancelled', 'ha'),
  fact('cleared-2024', 's-anama', 16_900, '2024', 'land-cleared', 'ha'),
  fact('reduced-2024', 's-anama', 12_300, '2024', 'land-reduced', 'ha'),
  fact('cancelled-2024', 's-anama', 30_100, '2024', 'land-cancelled', 'ha'),
  fact('cleared-2025', 's-anama', 19_400, '2025', 'land-cleared', 'ha'),
  fact('reduced-2025', 's-anama', 8_600, '2025', 'land-reduced', 'ha'),
  fact('cancelled-2025', 's-anama', 27_000, '2025', 'land-cancelled', 'ha'),
  fact('req', 's-undp', 12_500_000, '2025', 'funding-required', 'USD'),
  fact('rec', 's-undp', 4_300_000, '2025', 'funding-received', 'USD'),
  fact('az-long', 's-anama', 1_234.5, '2025', 'az-long', 'ha'),
  fact('az-short', 's-anama', 820, '2025', 'az-short', 'ha'),
  fact('delta-a', 's-anama', -120, '2025', 'delta-a'),
  fact('delta-b', 's-anama', 340, '2025', 'delta-b'),
  fact('delta-c', 's-anama', -45, '2025', 'delta-c'),
];
const indicators = [
  { key: 'casualties-since-2020', label: 'Mine casualties since Nov 2020', unit: 'people' },
  { key: 'land-cleared', label: 'Cleared', unit: 'ha' },
  { key: 'land-reduced', label: 'Reduced', unit: 'ha' },
  { key: 'land-cancelled', label: 'Cancelled', unit: 'ha' },
  { key: 'funding-required', label: 'Funding required', unit: 'USD' },
  { key: 'funding-received', label: 'Received to date', unit: 'USD' },
];
const chart = (id: string, type: Chart['type'], title: string, factIds: string[], options: Record<string, unknown> = {}, subtitle = ''): Chart => ({
  id,
  type,
  title,
  subtitle,
  factIds,
  indicator: null,
  options,
  altText: '',
  caption: '',
  revision: 1,
  createdAt: now,
  updatedAt: now,
});

const AZ_LABEL = 'Ağdam rayonunun minalardan təmizlənmiş ərazisi, hektarla ölçülür'.slice(0, 60);

const samples: { name: string; chart: Chart; width?: number; height?: number; sourceLine?: string }[] = [
  {
    name: 'bar-horizontal',
    chart: chart('c1', 'bar-horizontal', 'Mine casualties since the 2020 ceasefire, as reported', ['cas-az', 'cas-jd', 'cas-anama', 'cas-monitor'], {}, 'People killed or injured; sources disagree'),
    sourceLine: 'Sources: [3], [5], [7], [8]',
  },
  {
    name: 'bar-vertical',
    chart: chart('c2', 'bar-vertical', 'Funding for the 2025 appeal', ['req', 'rec'], {
      derived: { kind: 'difference', of: 'req', minus: 'rec', label: 'Gap' },
      compact: true,
      annotations: [{ kind: 'text', text: 'Pledges counted once committed' }],
    }),
  },
  {
    name: 'bar-grouped',
    chart: chart('c3', 'bar-grouped', 'Land released by method, 2023–2025', ['cleared-2023', 'reduced-2023', 'cancelled-2023', 'cleared-2024', 'reduced-2024', 'cancelled-2024', 'cleared-2025', 'reduced-2025', 'cancelled-2025']),
  },
  {
    name: 'bar-stacked',
    chart: chart('c4', 'bar-stacked', 'Land released by method, 2023–2025', ['cleared-2023', 'reduced-2023', 'cancelled-2023', 'cleared-2024', 'reduced-2024', 'cancelled-2024', 'cleared-2025', 'reduced-2025', 'cancelled-2025'], {
      annotations: [{ kind: 'line', value: 50000, label: 'Annual target' }],
    }),
  },
  {
    name: 'line',
    chart: chart('c5', 'line', 'Mine casualties since November 2020 (cumulative)', ['cas-2021', 'cas-2022', 'cas-2023', 'cas-2024', 'cas-az', 'cas-jd'], {
      annotations: [{ kind: 'text', text: 'Ceasefire', at: '2020-11' }],
    }),
    sourceLine: 'Sources: [2], [3], [4]',
  },
  {
    name: 'donut',
    chart: chart('c6', 'donut', 'Share of mine-action funding from abroad', ['foreign-share'], {
      derived: { kind: 'complement', of: 'foreign-share', total: 100, label: 'Domestic (state budget)' },
      labels: { 'foreign-share': 'Foreign donors' },
    }),
  },
  {
    name: 'big-number',
    chart: chart('c7', 'big-number', 'People killed or injured by mines since Nov 2020', ['cas-az']),
    width: 240,
    height: 150,
  },
  {
    name: 'az-long-label',
    chart: chart('c8', 'bar-horizontal', 'Azərbaycan: uzun etiket', ['az-long', 'az-short'], {
      labels: { 'az-long': AZ_LABEL, 'az-short': 'Füzuli' },
    }),
  },
  {
    name: 'az-long-label-vertical',
    chart: chart('c8v', 'bar-vertical', 'Azərbaycan: uzun etiket', ['az-long', 'az-short'], {
      labels: { 'az-long': AZ_LABEL, 'az-short': 'Füzuli' },
      locale: 'az',
    }),
    width: 240,
    height: 220,
  },
  {
    name: 'negative',
    chart: chart('c9', 'bar-horizontal', 'Change on last year', ['delta-a', 'delta-b', 'delta-c'], { labels: { 'delta-a': 'Qubadlı', 'delta-b': 'Zəngilan', 'delta-c': 'Laçın' } }),
  },
  {
    name: 'negative-vertical',
    chart: chart('c9v', 'bar-vertical', 'Change on last year', ['delta-a', 'delta-b', 'delta-c'], { labels: { 'delta-a': 'Qubadlı', 'delta-b': 'Zəngilan', 'delta-c': 'Laçın' } }),
  },
  {
    name: 'no-data',
    chart: chart('c10', 'bar-vertical', 'Deleted figures', ['gone-1', 'gone-2']),
  },
  {
    name: 'hostile',
    chart: chart('c11', 'bar-horizontal', '<script>alert("x")</script> & "quotes" \u202Eevil\u202C', ['cas-az'], { labels: { 'cas-az': '<b>bold</b> & {b} {a|rich}' } }),
  },
];

let total = 0;
for (const sample of samples) {
  const model = buildChartModel(sample.chart, { facts, sources, indicators });
  const t0 = performance.now();
  const svg = renderChartSvg(model, { width: sample.width ?? 480, height: sample.height ?? 280, ...(sample.sourceLine ? { sourceLine: sample.sourceLine } : {}) });
  const ms = performance.now() - t0;
  total += ms;
  writeFileSync(join(outDir, `${sample.name}.svg`), svg);
  console.log(`${sample.name.padEnd(24)} ${ms.toFixed(1).padStart(6)} ms  ${model.warnings.length ? `warnings: ${model.warnings.join(' | ')}` : ''}`);
  console.log(`  alt: ${model.altText}`);
}
console.log(`total ${total.toFixed(1)} ms for ${samples.length} charts`);
