import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../../../electron/shared/entities';
import { createReportFromTemplate } from '../../../../electron/core/reports/templates';

let counter = 0;
const make = (template: 'donor-appeal' | 'briefing-note') =>
  createReportFromTemplate(template, { id: 'report-x', newId: (prefix) => `${prefix}-${(counter += 1)}`, now: new Date('2026-02-01T09:00:00Z') });

describe('report templates', () => {
  it('a briefing note starts with the meeting-brief structure, guidance and header fields', () => {
    const report = make('briefing-note');
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.sections.map((section) => section.heading)).toEqual([
      'Purpose and bottom line',
      'Our objectives',
      'Points to make',
      'Their objectives and likely asks',
      'If raised',
      'Press line',
      'Background',
      'Annexes',
    ]);
    expect(report.sections.every((section) => section.blocks[0]?.kind === 'guidance')).toBe(true);
    expect(Object.keys(report.fields)).toEqual(expect.arrayContaining(['criticalDate', 'subject', 'meetingDate', 'participants']));
    expect(report.marking).toBe('OFFICIAL');
    expect(report.date).toBe('2026-02-01');
  });

  it('a donor appeal argues for funds: key figures, need, achievements, gap, ask, budget', () => {
    const report = make('donor-appeal');
    const headings = report.sections.map((section) => section.heading);
    expect(headings.slice(0, 5)).toEqual(['Key figures', 'Appeal at a glance', 'The need in figures', 'What has been achieved', 'The gap']);
    expect(headings).toEqual(expect.arrayContaining(['The ask', 'Budget', 'Results framework']));
    expect(report.marking).toBe('OFFICIAL — FOR DONOR USE');
    expect(report.fields.currency).toBe('USD');
    expect(new Set(report.sections.map((section) => section.id)).size).toBe(report.sections.length);
  });
});
