/**
 * Partial dates ("2025", "2025-12", "2025-12-24"), as facts and sources hold them: read from what
 * a person types, shown, and compared as the day ranges they denote. Pure, so the core and the
 * renderer use this one copy.
 */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const DAY = 86_400_000;

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const DATE_HINT = 'Use YYYY, YYYY-MM or YYYY-MM-DD, for example 2025, 2025-12 or 2025-12-31.';

export type ParsedDate = { ok: true; value: string | null } | { ok: false; message: string };

/** Accepts what a person types ("2025/12", " 2025-12-31 ") and returns the stored form. */
export const parsePartialDate = (input: string): ParsedDate => {
  const text = input.trim().replace(/[/.]/g, '-');
  if (text === '') return { ok: true, value: null };
  const match = PARTIAL_DATE.exec(text);
  if (!match) return { ok: false, message: `“${input.trim()}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.` };
  const month = match[2] ? Number(match[2]) : null;
  const day = match[3] ? Number(match[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return { ok: false, message: `There is no month ${match[2]}.` };
  if (month !== null && day !== null && (day < 1 || day > lastDayOfMonth(Number(match[1]), month))) {
    return { ok: false, message: `${MONTHS[month - 1]} ${match[1]} has no day ${match[3]}.` };
  }
  return { ok: true, value: text };
};

/** "2025-12-24" → "24 Dec 2025", "2025-12" → "Dec 2025", "2025" → "2025". */
export const formatPartialDate = (value: string | null | undefined): string => {
  if (!value) return '';
  const match = PARTIAL_DATE.exec(value);
  if (!match) return value;
  const month = match[2] ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!month) return match[1]!;
  return match[3] ? `${Number(match[3])} ${month} ${match[1]}` : `${month} ${match[1]}`;
};

/** First and last day (days since 1970) that a partial date covers. */
export interface DayRange {
  start: number;
  end: number;
}

export const toDayRange = (partial: string): DayRange | null => {
  const match = PARTIAL_DATE.exec(partial);
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

const startKey = (partial: string | null): number => (partial ? (toDayRange(partial)?.start ?? -Infinity) : -Infinity);

/** Newest first; of two dates ending together, the more precise one ("2025-12-31" before "2025-12"). */
export const comparePartialDatesDescending = (left: string | null, right: string | null): number =>
  dateSortKey(right) - dateSortKey(left) || startKey(right) - startKey(left);

