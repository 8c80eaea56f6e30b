/**
 * The declared channels, spelled out because a sandboxed preload may import no npm package
 * (so not the zod contract). tests/unit/preload-channels.test.ts keeps this list equal to the
 * contract's.
 */
export const PRELOAD_CHANNELS: readonly string[] = ['app:status', 'store:start-fresh'];
