export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

const GROUP_SPACES = /[\s\u00a0\u202f\u2009'’]/g;

export const NUMBER_HINT = 'A number, such as 415, 4.9, 4,9 or 1 500.';
const TRY = 'Try 415, 4.9 or 1 500.';

/**
 * Reads a figure as a person types it: "4,9" and "4.9" are both 4.9, "1 500", "1,500" and
 * "1.500.000" are grouped thousands, "1.500,5" and "1,500.5" both mean 1500.5.
 * A single separator followed by exactly three digits is taken as a thousands separator
 * ("3,500" is 3500), since that is how our sources print counts; otherwise it is a decimal mark.
 */
export const parseNumber = (input: string): ParsedNumber => {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: true, value: null };
  const signed = trimmed.replace(/^[\u2212\u2013]/, '-');
  // A space or apostrophe groups thousands only: "1 500" is 1500, "4 9" is a slip, not 49.
  if (/\d[\s\u00a0\u202f\u2009'’]+(?![\s\u00a0\u202f\u2009'’]|\d{3}(?!\d))/.test(signed)) return { ok: false, message: `“${trimmed}” is not a number. ${TRY}` };
  let text = signed.replace(GROUP_SPACES, '');
  if (!/^[-+]?[\d.,]+$/.test(text) || !/\d/.test(text)) return { ok: false, message: `“${trimmed}” is not a number. ${TRY}` };

  const sign = text.startsWith('-') ? -1 : 1;
  text = text.replace(/^[-+]/, '');
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both marks: the later one is the decimal mark, the other groups thousands.
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if (text.split(decimal).length > 2) return { ok: false, message: `“${trimmed}” has more than one decimal mark.` };
    // The grouping mark must group thousands: "1,5.5" is a slip, not 15.5.
    const groups = text.split(decimal)[0]!.split(group);
    if (groups[0] === '' || !groups.slice(1).every((part) => part.length === 3)) return { ok: false, message: `“${trimmed}” is not a number. ${TRY}` };
    normalised = text.split(group).join('').replace(decimal, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? ',' : '.';
    const parts = text.split(mark);
    const grouped = parts.length > 2 || (parts.length === 2 && parts[1]!.length === 3 && parts[0]!.length > 0 && parts[0] !== '0');
    if (grouped) {
      if (!parts.slice(1).every((part) => part.length === 3)) return { ok: false, message: `“${trimmed}” is not a number. ${TRY}` };
      normalised = parts.join('');
    } else {
      normalised = parts.join('.');
    }
  } else {
    normalised = text;
  }
  if (normalised.startsWith('.')) normalised = `0${normalised}`;
  if (normalised.endsWith('.') || !/^\d+(\.\d+)?$/.test(normalised)) return { ok: false, message: `“${trimmed}” is not a number. ${TRY}` };
  const value = sign * Number(normalised);
  if (!Number.isFinite(value)) return { ok: false, message: `“${trimmed}” is too large.` };
  return { ok: true, value };
};
