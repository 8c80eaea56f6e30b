import type { ReportWarning, WarningAction } from '../../../electron/shared/contract/reports';

/** The badge of an entry: for a figure, its most pressing issue; otherwise what the entry is about. */
export const warningLabel = (warning: Pick<ReportWarning, 'kind' | 'issues'>): string => {
  if (warning.kind === 'figure') {
    const [first] = warning.issues;
    if (first === 'superseded' || first === 'newer-figure') return 'Newer figure';
    if (first === 'conflict') return 'Sources disagree';
    if (first === 'old') return 'Old figure';
    if (first === 'no-source') return 'No source';
    return 'No quote';
  }
  const labels: Record<Exclude<ReportWarning['kind'], 'figure'>, string> = {
    'missing-fact': 'Deleted fact',
    'missing-chart': 'Deleted chart',
    'chart-no-alt': 'No alt text',
    'empty-section': 'Empty section',
    'template-prompt': 'Template prompt',
    'unsourced-figure': 'Unsourced figure',
  };
  return labels[warning.kind];
};

export const actionLabels: Record<WarningAction, string> = {
  'use-newer': 'Use the newer figure',
  'cite-both': 'Keep and cite both',
  'not-comparable': 'Not comparable',
  dismiss: 'Dismiss…',
};

export const actionHints: Record<WarningAction, string> = {
  'use-newer': 'Replace this figure everywhere in the report with the newer one',
  'cite-both': 'Keep this figure and cite the other beside it; the decision is kept with the report',
  'not-comparable': 'The two figures measure different things; the decision is kept with the report',
  dismiss: 'Say why this does not apply; the reason is kept with the report',
};

export const decisionLabels: Record<NonNullable<ReportWarning['decision']>['decision'], string> = {
  'cite-both': 'Both cited',
  'not-comparable': 'Not comparable',
  dismissed: 'Dismissed',
};

export const pluralWarnings = (count: number): string => `${count} ${count === 1 ? 'warning' : 'warnings'}`;
