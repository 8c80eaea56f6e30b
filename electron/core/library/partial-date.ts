/** Partial dates ("2025", "2025-12", "2025-12-24") as the day ranges they denote. */
export interface DayRange {
  start: number;
  end: number;
}

const DAY = 86_400_000;

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const toDayRange = (partial: string): DayRange | null => {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(partial);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : null;
  const day = match[3] ? Number(match[3]) : null;
  const startMonth = month ?? 1;
  const endMonth = month ?? 12;
  const start = Date.UTC(year, startMonth - 1, day ?? 1) / DAY;
  const end = Date.UTC(year, endMonth - 1, day ?? lastDayOfMonth(year, endMonth)) / DAY;
  return { start, end };
};

/** Sort key: the end of the range, so "2025" sorts after "2025-06-30" and unknown sorts first. */
export const dateSortKey = (partial: string | null): number => (partial ? (toDayRange(partial)?.end ?? -Infinity) : -Infinity);

/** Newest first; of two dates ending together, the more precise one ("2025-12-31" before "2025-12"). */
export const comparePartialDatesDescending = (left: string | null, right: string | null): number =>
  dateSortKey(right) - dateSortKey(left) || startKey(right) - startKey(left);

const startKey = (partial: string | null): number => (partial ? (toDayRange(partial)?.start ?? -Infinity) : -Infinity);

export const rangesOverlap = (left: DayRange, right: DayRange, toleranceDays: number): boolean =>
  left.start - toleranceDays <= right.end && right.start - toleranceDays <= left.end;
