import type { ReactNode } from 'react';
import { CHART_TYPES, TYPE_HINTS, TYPE_LABELS, type ChartType } from './chart-options';

/** Small line drawings of each chart type, in the button's text colour. */
const ICONS: Record<ChartType, ReactNode> = {
  'bar-horizontal': (
    <>
      <rect x="3" y="3" width="16" height="3" rx="0.5" />
      <rect x="3" y="8" width="11" height="3" rx="0.5" />
      <rect x="3" y="13" width="7" height="3" rx="0.5" />
    </>
  ),
  'bar-vertical': (
    <>
      <rect x="4" y="9" width="3.5" height="8" rx="0.5" />
      <rect x="10" y="3" width="3.5" height="14" rx="0.5" />
      <rect x="16" y="6" width="3.5" height="11" rx="0.5" />
    </>
  ),
  'bar-grouped': (
    <>
      <rect x="3" y="7" width="3" height="10" rx="0.5" />
      <rect x="6.5" y="10" width="3" height="7" rx="0.5" opacity="0.45" />
      <rect x="13" y="3" width="3" height="14" rx="0.5" />
      <rect x="16.5" y="8" width="3" height="9" rx="0.5" opacity="0.45" />
    </>
  ),
  'bar-stacked': (
    <>
      <rect x="4" y="9" width="4.5" height="8" rx="0.5" />
      <rect x="4" y="4" width="4.5" height="4.3" rx="0.5" opacity="0.45" />
      <rect x="13" y="11" width="4.5" height="6" rx="0.5" />
      <rect x="13" y="7" width="4.5" height="3.3" rx="0.5" opacity="0.45" />
    </>
  ),
  line: (
    <>
      <polyline points="3,15 8,10 12,12 19,4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
      <circle cx="8" cy="10" r="1.6" />
      <circle cx="12" cy="12" r="1.6" />
      <circle cx="19" cy="4" r="1.6" />
    </>
  ),
  donut: (
    <>
      <circle cx="11" cy="10" r="6" fill="none" stroke="currentColor" strokeWidth="3.5" opacity="0.45" />
      <path d="M11 4 A6 6 0 0 1 16.2 13" fill="none" stroke="currentColor" strokeWidth="3.5" />
    </>
  ),
  'big-number': (
    <text x="11" y="15" textAnchor="middle" fontSize="12" fontWeight="700" fill="currentColor">
      42
    </text>
  ),
};

export const ChartTypeIcon = ({ type }: { type: ChartType }) => (
  <svg className="ch-type__icon" viewBox="0 0 22 20" width="22" height="20" aria-hidden="true" focusable="false" fill="currentColor">
    {ICONS[type]}
  </svg>
);

/**
 * One button per chart type. In `choose` mode a click creates the chart; in `switch` mode the
 * current type is pressed and a click changes it.
 */
export const ChartTypePicker = ({
  value,
  recommended,
  disabled,
  busyType,
  onPick,
  label = 'Chart type',
  compact = false,
}: {
  value?: ChartType | null;
  recommended?: ChartType | null;
  disabled?: boolean;
  busyType?: ChartType | null;
  onPick: (type: ChartType) => void;
  label?: string;
  compact?: boolean;
}) => (
  <div className={`ch-types${compact ? ' ch-types--compact' : ''}`} role="group" aria-label={label}>
    {CHART_TYPES.map((type) => (
      <button
        key={type}
        type="button"
        className="ch-type"
        aria-pressed={value === undefined ? undefined : value === type}
        data-recommended={recommended === type || undefined}
        disabled={disabled}
        title={TYPE_HINTS[type]}
        onClick={() => onPick(type)}
      >
        <ChartTypeIcon type={type} />
        <span className="ch-type__label">{busyType === type ? 'Creating…' : TYPE_LABELS[type]}</span>
        {recommended === type && !compact && (
          <span className="ch-type__tip" aria-hidden="true">
            Suggested
          </span>
        )}
      </button>
    ))}
  </div>
);
