/** Small timing helpers for the benchmark: medians, stopwatch, number formatting. */

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const now = (): number => performance.now();

/** Runs `fn` and returns its result with the elapsed wall time in ms. */
export const timed = async <T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> => {
  const start = now();
  const value = await fn();
  return { value, ms: now() - start };
};

export const round = (value: number, digits = 1): number => {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export const ms = (value: number | null | undefined): string => (value === null || value === undefined || !Number.isFinite(value) ? '–' : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);

export const ratio = (value: number | null | undefined): string => (value === null || value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`);

export const yesNo = (met: boolean | null): string => (met === null ? 'n/a' : met ? 'yes' : 'NO');
