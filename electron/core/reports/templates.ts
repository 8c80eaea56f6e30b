import type { Block, Report, Section, Template } from '../../shared/entities';

interface SectionTemplate {
  heading: string;
  guidance: string;
}

/** Section structures for each genre (briefing note, donor appeal): each leads with the answer. */
const briefingNote: SectionTemplate[] = [
  { heading: 'Purpose and bottom line', guidance: 'Four lines at most: what this brief is for and the one thing to remember.' },
  { heading: 'Our objectives', guidance: 'Specific and checkable: what we want to come away with.' },
  { heading: 'Points to make', guidance: 'Short, numbered points. Back each one with a cited figure where it uses one.' },
  { heading: 'Their objectives and likely asks', guidance: 'What the other side wants from the meeting.' },
  { heading: 'If raised', guidance: 'Replies to expected questions, e.g. the share of foreign funding.' },
  { heading: 'Press line', guidance: 'One or two sentences safe to say publicly.' },
  { heading: 'Background', guidance: 'Clipped facts and dates; the last meeting. Keep material not for disclosure apart.' },
  { heading: 'Annexes', guidance: 'Key facts table, biographies, agenda.' },
];

const donorAppeal: SectionTemplate[] = [
  { heading: 'Key figures', guidance: 'The banner: contaminated area, casualties since the ceasefire, funding required, each with its source.' },
  { heading: 'Appeal at a glance', guidance: 'The ask, received to date, the gap, as of a date.' },
  { heading: 'The need in figures', guidance: 'Contamination, casualties, people and land affected. Where sources disagree, give each figure with its own source and date.' },
  { heading: 'What has been achieved', guidance: 'Land released (cancelled, reduced, cleared), devices destroyed, people able to return.' },
  { heading: 'The gap', guidance: 'What remains, and what happens if it is not funded.' },
  { heading: 'Strategy and objectives', guidance: 'Measurable objectives tied to the national strategy and treaty deadlines.' },
  { heading: 'The ask', guidance: 'Amount and currency, period, split by pillar or region, flexible vs earmarked.' },
  { heading: 'Budget', guidance: 'A table of costs by pillar.' },
  { heading: 'Results framework', guidance: 'Indicator, baseline, target, means of verification.' },
  { heading: 'Partners, coordination, risks and reporting', guidance: 'Who does what; the main risks; how donors will be kept informed.' },
  { heading: 'Annexes', guidance: 'Methods, contacts.' },
];

const headerFields: Record<Template, Record<string, string>> = {
  'briefing-note': {
    documentType: 'Meeting brief',
    through: '',
    copies: '',
    criticalDate: '',
    criticalDateReason: '',
    subject: '',
    meetingDate: '',
    place: '',
    participants: '',
  },
  'donor-appeal': {
    appealType: 'Humanitarian mine action appeal',
    launchDate: '',
    periodCovered: '',
    currency: 'USD',
  },
};

const defaults: Record<Template, { title: string; marking: string }> = {
  'briefing-note': { title: 'Briefing note', marking: 'OFFICIAL' },
  'donor-appeal': { title: 'Donor appeal', marking: 'OFFICIAL — FOR DONOR USE' },
};

export const templateSections = (template: Template): readonly SectionTemplate[] => (template === 'briefing-note' ? briefingNote : donorAppeal);

/** A new report in the genre's shape: headings, guidance the user replaces, and header fields. */
export const createReportFromTemplate = (template: Template, { id, newId, now, title }: { id: string; newId: (prefix: string) => string; now: Date; title?: string }): Report => {
  const timestamp = now.toISOString();
  const sections: Section[] = templateSections(template).map((section) => ({
    id: newId('sec'),
    heading: section.heading,
    blocks: [
      { kind: 'guidance', text: section.guidance },
      { kind: 'paragraph', content: [] },
    ] satisfies Block[],
  }));
  return {
    id,
    template,
    title: title?.trim() || defaults[template].title,
    subtitle: '',
    recipient: '',
    author: '',
    date: timestamp.slice(0, 10),
    language: 'en',
    marking: defaults[template].marking,
    reference: '',
    fields: { ...headerFields[template] },
    citationStyle: 'chicago',
    pageSize: 'A4',
    tableOfContents: false,
    evidenceAnnex: false,
    staleAfterMonths: 24,
    sections,
    figureDecisions: [],
    revision: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
  };
};
