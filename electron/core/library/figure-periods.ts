import type { Fact, Indicator } from '../../shared/entities';
import { toDayRange, type DayRange } from '../../shared/partial-date';

/**
 * A cumulative indicator counts from a fixed start ("casualties since the 2020 ceasefire", "to
 * date"), so each figure is a running total and two figures are for the same period only when
 * they end on the same day. Indicators carry no flag for this (the store's schema is not ours to
 * change in issue 11), so it is read from the label the user gave them, the way a reader would.
 */
const CUMULATIVE_WORDS = /\b(since|to date|so far|cumulative|running total)\b/i;

export const isCumulativeIndicator = (key: string, indicator: Pick<Indicator, 'label'> | undefined): boolean =>
  CUMULATIVE_WORDS.test(indicator?.label ?? key.replace(/-/g, ' '));

/**
 * The days a figure describes, or null when it is undated. Its as-of date, else its source's
 * publication date; never later than the publication (a text cannot report past its own date:
 * The National Interest's "388 ... December 2025" was published on 24 December). A cumulative
 * figure describes the single day it was counted to.
 */
export const figurePeriod = (fact: Pick<Fact, 'asOf'>, published: string | null, cumulative: boolean): DayRange | null => {
  const range = toDayRange(fact.asOf ?? published ?? '');
  if (!range) return null;
  const publishedEnd = published ? toDayRange(published)?.end : undefined;
  const end = publishedEnd !== undefined ? Math.min(range.end, publishedEnd) : range.end;
  const start = Math.min(range.start, end);
  return cumulative ? { start: end, end } : { start, end };
};

export type FigureRelation = 'same-period' | 'series' | 'undated';

/**
 * How two figures of one indicator stand in time: the same period (a difference is a conflict),
 * different periods (a series), or not comparable in time because one of them is undated.
 */
export const relateFigures = (left: DayRange | null, right: DayRange | null): FigureRelation => {
  if (!left && !right) return 'same-period';
  if (!left || !right) return 'undated';
  return left.start <= right.end && right.start <= left.end ? 'same-period' : 'series';
};
