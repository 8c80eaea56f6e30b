/** Dates as our facts hold them: "2025", "2025-12" or "2025-12-24" (the contract's partial date). */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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
  if (month !== null && day !== null) {
    const last = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
    if (day < 1 || day > last) return { ok: false, message: `${MONTHS[month - 1]} ${match[1]} has no day ${match[3]}.` };
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

/** A sort key: the last day the partial date covers; unknown dates sort last when descending. */
export const partialDateSortKey = (value: string | null | undefined): number => {
  if (!value) return -Infinity;
  const match = PARTIAL_DATE.exec(value);
  if (!match) return -Infinity;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : 12;
  const day = match[3] ? Number(match[3]) : new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Date.UTC(year, month - 1, day);
};
