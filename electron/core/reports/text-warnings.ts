import type { ReportWarning } from '../../shared/contract/reports';
import type { Block, Inline, Report, Section } from '../../shared/entities';
import { clip } from './figure-warnings';
import { templateSections } from './templates';

type TextWarning = Omit<ReportWarning, 'decision'>;

const inlinesOf = (block: Block): Inline[] => {
  if (block.kind === 'paragraph') return block.content;
  if (block.kind === 'list') return block.items.flat();
  return [];
};

/** Guidance blocks are prompts for the author; they never count as the section's content. */
const hasContent = (block: Block): boolean => {
  if (block.kind === 'guidance') return false;
  if (block.kind === 'key-figures') return block.items.length > 0;
  if (block.kind === 'chart') return true;
  return inlinesOf(block).some((inline) => inline.kind !== 'text' || inline.text.trim() !== '');
};

/** Every guidance text the templates ship, so a prompt pasted into the prose is recognised. */
const TEMPLATE_PROMPTS = new Set([...templateSections('donor-appeal'), ...templateSections('briefing-note')].map((section) => section.guidance));

/** Placeholders people leave in drafts: "[amount]", "<name>", TBC, XXX, lorem ipsum. */
const PLACEHOLDER = /\[[^\]\n]{1,60}\]|<[^>\n]{1,40}>|\b(?:TBC|TBD|XXX+)\b|lorem ipsum/i;

/** The section's prose, a fact or figure reference standing as a space, one line per block or item. */
const textOf = (section: Section): string => {
  const line = (inlines: Inline[]) => inlines.map((inline) => (inline.kind === 'text' ? inline.text : ' ')).join('');
  return section.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map(line) : [line(inlinesOf(block))])).join('\n');
};

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/**
 * A figure typed into the prose: digits with their currency and scale ("USD 12 million", "85.8%",
 * "12,450 hectares"). Years, ordinals ("18th"), days of a named month and a lone digit without a
 * unit are the text's own words, not figures a donor would ask the source of.
 */
const NUMBER = /(?<![\p{L}\d.,-])(?:(?:[A-Z]{3}|[$€£])\s?)?\d[\d,.\u00A0\u202F]*(?:\s?(?:%|per ?cent|million|billion|thousand|km²|km2|hectares|ha)\b|%)?(?![\p{L}\d])/gu;
const YEAR = /^(?:19|20)\d\d$/;
const DAY_OF_MONTH = new RegExp(`(?:${MONTH}\\s+$)|(?:^\\s+${MONTH}\\b)`, 'i');

export const unsourcedFigures = (text: string): string[] => {
  const found: string[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const token = match[0].trim().replace(/[.,]+$/, '');
    const digits = token.replace(/[^\d]/g, '');
    const plain = /^\d+$/.test(token);
    if (plain && YEAR.test(token)) continue;
    if (plain && digits.length === 1) continue;
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 12);
    if (plain && Number(token) <= 31 && (DAY_OF_MONTH.test(before) || DAY_OF_MONTH.test(after))) continue;
    if (!found.includes(token)) found.push(token);
  }
  return found;
};

/**
 * What the text of each section still needs: a section with nothing in it, a template prompt or
 * placeholder left in, a figure typed in without a source. One entry per section and problem.
 */
export const textWarnings = (report: Report): TextWarning[] => {
  const warnings: TextWarning[] = [];
  const base = { factId: null, chartId: null, otherFactId: null, issues: [] };
  for (const section of report.sections) {
    const heading = `“${clip(section.heading.trim() || 'Untitled section', 60)}”`;
    const guidance = section.blocks.filter((block) => block.kind === 'guidance');
    const text = textOf(section);
    if (!section.blocks.some(hasContent)) {
      warnings.push({
        ...base,
        key: `empty-section:${section.id}`,
        kind: 'empty-section',
        severity: 'check',
        sectionId: section.id,
        message: `${heading} is empty${guidance.length > 0 ? ': only the template’s prompt is there' : ''}. Write it, or delete the section.`,
        actions: [],
      });
      continue;
    }
    const pasted = [...TEMPLATE_PROMPTS].find((prompt) => text.includes(prompt));
    const placeholder = PLACEHOLDER.exec(text)?.[0];
    const prompt = guidance[0]?.text ?? pasted ?? placeholder;
    if (prompt !== undefined) {
      warnings.push({
        ...base,
        key: `template-prompt:${section.id}`,
        kind: 'template-prompt',
        severity: 'check',
        sectionId: section.id,
        message: `${heading} still has ${guidance.length > 0 ? 'the template’s prompt' : 'placeholder text'}: “${clip(prompt, 120)}”`,
        actions: [],
      });
    }
    for (const figure of unsourcedFigures(text)) {
      warnings.push({
        ...base,
        key: `unsourced-figure:${section.id}:${figure}`,
        kind: 'unsourced-figure',
        severity: 'check',
        sectionId: section.id,
        message: `“${figure}” in ${heading} is typed in, not a cited fact: insert the fact, or dismiss it if it is the report’s own figure.`,
        actions: ['dismiss'],
      });
    }
  }
  return warnings;
};
