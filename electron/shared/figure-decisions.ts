import type { ReportWarning, WarningAction } from './contract/reports';
import type { Block, FigureDecision, Inline, Report } from './entities';

/**
 * The answers to a report warning (issue 11), as pure edits of the report: the editor applies them
 * to the report it holds, so they are undone like any other edit and saved (and validated by
 * reportSchema) with it. Decisions live in `report.figureDecisions`, one per warning key.
 */

export type ActionTarget = Pick<ReportWarning, 'key' | 'factId' | 'otherFactId' | 'issues'>;

export class DecisionError extends Error {
  readonly code = 'INVALID_DECISION';
}

/** Warnings still to act on: the count the editor and the export dialog show. */
export const openWarnings = (warnings: readonly ReportWarning[]): ReportWarning[] => warnings.filter((warning) => warning.decision === null);

const mapInlines = (block: Block, map: (inlines: Inline[]) => Inline[]): Block => {
  if (block.kind === 'paragraph') return { ...block, content: map(block.content) };
  if (block.kind === 'list') return { ...block, items: block.items.map(map) };
  return block;
};

/** Every reference to `from` in the text and key figures now points at `to`. Charts are the library's, not the report's. */
export const replaceFactReferences = (report: Report, from: string, to: string): Report => ({
  ...report,
  sections: report.sections.map((section) => ({
    ...section,
    blocks: section.blocks.map((block) => {
      if (block.kind === 'key-figures') return { ...block, items: block.items.map((item) => (item.factId === from ? { ...item, factId: to } : item)) };
      return mapInlines(block, (inlines) => inlines.map((inline) => (inline.kind === 'fact' && inline.factId === from ? { ...inline, factId: to } : inline)));
    }),
  })),
});

const citesInText = (report: Report, factId: string): boolean =>
  report.sections.some((section) =>
    section.blocks.some((block) => {
      if (block.kind === 'key-figures') return block.items.some((item) => item.factId === factId);
      const inlines = block.kind === 'paragraph' ? block.content : block.kind === 'list' ? block.items.flat() : [];
      return inlines.some((inline) => inline.kind === 'fact' && inline.factId === factId);
    }),
  );

const MAX_KEY_FIGURES = 12;

/**
 * Cites `other` beside the first citation of `factId`: in prose as "… (newer figure: 415 people)",
 * in a key-figure box as the next box. Nothing is added when the report already cites it.
 */
const citeBeside = (report: Report, factId: string, other: string, lead: string): Report => {
  if (citesInText(report, other)) return report;
  let done = false;
  const insert = (inlines: Inline[]): Inline[] => {
    if (done) return inlines;
    const at = inlines.findIndex((inline) => inline.kind === 'fact' && inline.factId === factId);
    if (at < 0) return inlines;
    done = true;
    return [...inlines.slice(0, at + 1), { kind: 'text', text: ` (${lead}` }, { kind: 'fact', factId: other }, { kind: 'text', text: ')' }, ...inlines.slice(at + 1)];
  };
  const sections = report.sections.map((section) => ({
    ...section,
    blocks: section.blocks.map((block) => {
      if (done) return block;
      if (block.kind === 'key-figures') {
        const at = block.items.findIndex((item) => item.factId === factId);
        if (at < 0 || block.items.length >= MAX_KEY_FIGURES) return block;
        done = true;
        return { ...block, items: [...block.items.slice(0, at + 1), { factId: other, label: block.items[at]!.label }, ...block.items.slice(at + 1)] };
      }
      if (block.kind === 'list') return { ...block, items: block.items.map(insert) };
      return mapInlines(block, insert);
    }),
  }));
  return { ...report, sections };
};

const record = (report: Report, ...decisions: FigureDecision[]): Report => {
  const keys = new Set(decisions.map((decision) => decision.warningKey));
  return { ...report, figureDecisions: [...report.figureDecisions.filter((existing) => !keys.has(existing.warningKey)), ...decisions] };
};

/**
 * Citing both and "not comparable" are said of a pair, so they answer the other figure's entry
 * too when the report cites it (the briefing note's 4.8% and 4.9%): one decision, not two prompts.
 */
const pairDecisions = (decision: FigureDecision): FigureDecision[] =>
  decision.factId && decision.otherFactId
    ? [decision, { ...decision, warningKey: `figure:${decision.otherFactId}:${decision.factId}`, factId: decision.otherFactId, otherFactId: decision.factId }]
    : [decision];

/** Answers a warning. `reason` is required to dismiss; `now` is the decision's timestamp (ISO). */
export const applyWarningAction = (report: Report, target: ActionTarget, action: WarningAction, { reason = '', now }: { reason?: string; now: string }): Report => {
  const decision = (kind: FigureDecision['decision']): FigureDecision => ({ warningKey: target.key, factId: target.factId, otherFactId: target.otherFactId, decision: kind, reason: reason.trim(), decidedAt: now });
  switch (action) {
    case 'use-newer': {
      if (!target.factId || !target.otherFactId) throw new DecisionError('There is no newer figure to use.');
      const replaced = replaceFactReferences(report, target.factId, target.otherFactId);
      // Decisions about the replaced figure no longer apply to anything in the report.
      return { ...replaced, figureDecisions: replaced.figureDecisions.filter((existing) => existing.factId !== target.factId) };
    }
    case 'cite-both': {
      if (!target.factId || !target.otherFactId) throw new DecisionError('There is no other figure to cite.');
      const lead = target.issues.includes('conflict') ? 'another source: ' : 'newer figure: ';
      return record(citeBeside(report, target.factId, target.otherFactId, lead), ...pairDecisions(decision('cite-both')));
    }
    case 'not-comparable':
      if (!target.otherFactId) throw new DecisionError('There is no other figure to compare with.');
      return record(report, ...pairDecisions(decision('not-comparable')));
    case 'dismiss':
      if (!reason.trim()) throw new DecisionError('Say why the warning does not apply: the reason is kept with the report.');
      return record(report, decision('dismissed'));
  }
};

/** Takes a decision back: the warning is open again. */
export const reopenWarning = (report: Report, key: string): Report => ({ ...report, figureDecisions: report.figureDecisions.filter((decision) => decision.warningKey !== key) });
