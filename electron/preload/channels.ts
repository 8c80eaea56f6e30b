/**
 * The declared channels, spelled out because a sandboxed preload may import no npm package
 * (so not the zod contract). tests/unit/contract-surface.test.ts keeps this list equal to the
 * contract's.
 */
export const PRELOAD_CHANNELS: readonly string[] = [
  'app:status',
  'store:start-fresh',
  'facts:search',
  'facts:get',
  'facts:create',
  'facts:update',
  'facts:delete',
  'trash:restore',
  'sources:list',
  'sources:get',
  'sources:create',
  'sources:update',
  'sources:delete',
  'library:facets',
  'conflicts:list',
  'import:propose',
  'import:commit',
  'bundle:export',
  'bundle:import',
];
