import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Inline, Report, Section } from '../../../../electron/shared/entities';
import {
  addKeyFigure,
  appendChartToSection,
  appendFactToSection,
  appendInlineToSection,
  base64ToBytes,
  citationNumbers,
  emptyParagraph,
  factIdsInReadingOrder,
  figureNumbers,
  formatEdited,
  formatTimestamp,
  humaniseKey,
  isEmptyInlines,
  moveItem,
  moveSection,
  newId,
  newSection,
  normaliseInlines,
  pdfFileName,
  replaceBlocks,
  sameInlines,
  sectionPages,
  updateBlock,
  updateSection,
} from '../../../../renderer/src/reports/report-model';

const text = (value: string, marks: { bold?: boolean; italic?: boolean } = {}): Inline => ({ kind: 'text', text: value, ...marks });
const fact = (factId: string): Inline => ({ kind: 'fact', factId });
const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });

const report = (sections: Section[], overrides: Partial<Report> = {}): Report => ({
  id: 'rep-1',
  template: 'donor-appeal',
  title: 'Mine action in Karabakh',
  subtitle: '',
  recipient: '',
  author: '',
  date: '2026-03',
  language: 'en',
  marking: '',
  reference: '',
  fields: {},
  citationStyle: 'chicago',
  pageSize: 'A4',
  tableOfContents: false,
  evidenceAnnex: false,
  staleAfterMonths: 24,
  sections,
  figureDecisions: [],
  revision: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  ...overrides,
});

/** A report whose prose cites f1, f2, f1 (again), with a key-figure box citing f3 and two charts. */
const sample = (): Report =>
  report([
    {
      id: 'sec-a',
      heading: 'The problem',
      blocks: [
        paragraph(text('Since 2020, '), fact('f1'), text(' people were hurt; '), fact('f2'), text('.')),
        { kind: 'chart', chartId: 'ch-1', width: 'full' },
      ],
    },
    {
      id: 'sec-b',
      heading: 'What we ask',
      blocks: [
        { kind: 'key-figures', items: [{ factId: 'f3', label: 'Hectares cleared' }] },
        { kind: 'list', ordered: false, items: [[text('Again: '), fact('f1')], [{ kind: 'figure-ref', chartId: 'ch-1' }]] },
        { kind: 'chart', chartId: 'ch-2', width: 'half' },
        { kind: 'chart', chartId: 'ch-1', width: 'half' },
        { kind: 'guidance', text: 'Say what the money buys.' },
      ],
    },
  ]);

// ---- arbitraries ------------------------------------------------------------------------------

const idArb = fc.constantFrom('f1', 'f2', 'f3', 'ch-1', 'ch-2');
const inlineArb: fc.Arbitrary<Inline> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), text: fc.string({ maxLength: 8 }), bold: fc.option(fc.boolean(), { nil: undefined }), italic: fc.option(fc.boolean(), { nil: undefined }) }).map((run) => {
    const inline: Inline = { kind: 'text', text: run.text };
    if (run.bold !== undefined) inline.bold = run.bold;
    if (run.italic !== undefined) inline.italic = run.italic;
    return inline;
  }),
  idArb.map((factId): Inline => ({ kind: 'fact', factId })),
  idArb.map((chartId): Inline => ({ kind: 'figure-ref', chartId })),
);
const blockArb: fc.Arbitrary<Block> = fc.oneof(
  fc.array(inlineArb, { maxLength: 5 }).map((content): Block => ({ kind: 'paragraph', content })),
  fc.record({ ordered: fc.boolean(), items: fc.array(fc.array(inlineArb, { maxLength: 3 }), { maxLength: 3 }) }).map((list): Block => ({ kind: 'list', ...list })),
  fc.array(fc.record({ factId: idArb, label: fc.string({ maxLength: 5 }) }), { maxLength: 13 }).map((items): Block => ({ kind: 'key-figures', items })),
  fc.record({ chartId: idArb, width: fc.constantFrom('full' as const, 'half' as const) }).map((chart): Block => ({ kind: 'chart', ...chart })),
);
const reportArb: fc.Arbitrary<Report> = fc
  .array(fc.record({ heading: fc.string({ maxLength: 10 }), blocks: fc.array(blockArb, { maxLength: 5 }) }), { minLength: 1, maxLength: 5 })
  .map((sections) => report(sections.map((section, index) => ({ id: `sec-${index}`, ...section }))));

/** A report with a section index and two block positions inside that section (or 0 for an empty one). */
const reportWithPositions = reportArb.chain((generated) =>
  fc.nat({ max: generated.sections.length - 1 }).chain((sectionIndex) => {
    const size = generated.sections[sectionIndex]!.blocks.length;
    return fc.tuple(fc.constant(generated), fc.constant(sectionIndex), fc.nat({ max: Math.max(0, size - 1) }), fc.nat({ max: Math.max(0, size - 1) }));
  }),
);

const moveBlock = (input: Report, sectionId: string, from: number, to: number): Report =>
  updateSection(input, sectionId, (section) => ({ ...section, blocks: moveItem(section.blocks, from, to) }));

// ---- reading order, citations, figures -----------------------------------------------------------

describe('reading order and numbering', () => {
  it('lists fact ids in reading order with repeats, key figures included, figure references not', () => {
    expect(factIdsInReadingOrder(sample())).toEqual(['f1', 'f2', 'f3', 'f1']);
  });

  it('numbers each fact at its first occurrence, as the PDF prints it', () => {
    expect([...citationNumbers(sample())]).toEqual([
      ['f1', 1],
      ['f2', 2],
      ['f3', 3],
    ]);
    expect(citationNumbers(report([])).size).toBe(0);
  });

  it('numbers charts in the order they are placed; a chart placed twice keeps its first number', () => {
    expect([...figureNumbers(sample())]).toEqual([
      ['ch-1', 1],
      ['ch-2', 2],
    ]);
  });

  it('citation numbers run 1..n over the distinct facts, whatever the report', () => {
    fc.assert(
      fc.property(reportArb, (generated) => {
        const numbers = [...citationNumbers(generated).values()];
        expect(numbers).toEqual(numbers.map((_, index) => index + 1));
        expect(new Set(citationNumbers(generated).keys())).toEqual(new Set(factIdsInReadingOrder(generated)));
      }),
    );
  });
});

// ---- inline runs ---------------------------------------------------------------------------------

describe('normaliseInlines', () => {
  it('merges neighbouring runs with the same marks and drops empty runs and false marks', () => {
    expect(normaliseInlines([text('Since '), text(''), text('2020', { bold: false }), fact('f1'), text(' hurt', { bold: true }), text(' people', { bold: true, italic: false })])).toEqual([
      { kind: 'text', text: 'Since 2020' },
      { kind: 'fact', factId: 'f1' },
      { kind: 'text', text: ' hurt people', bold: true },
    ]);
  });

  it('keeps runs with different marks apart and never merges across a chip', () => {
    expect(normaliseInlines([text('a', { bold: true }), text('b', { italic: true }), fact('f1'), text('c', { italic: true })])).toEqual([
      { kind: 'text', text: 'a', bold: true },
      { kind: 'text', text: 'b', italic: true },
      { kind: 'fact', factId: 'f1' },
      { kind: 'text', text: 'c', italic: true },
    ]);
    expect(normaliseInlines([])).toEqual([]);
  });

  it('is idempotent, keeps the text and chips, and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(inlineArb, { maxLength: 10 }), (inlines) => {
        const before = structuredClone(inlines);
        const once = normaliseInlines(inlines);
        expect(inlines).toEqual(before);
        expect(normaliseInlines(once)).toEqual(once);
        const flat = (list: readonly Inline[]) => list.map((inline) => (inline.kind === 'text' ? inline.text : `[${inline.kind}]`)).join('');
        expect(flat(once)).toBe(flat(inlines));
        expect(once.some((inline) => inline.kind === 'text' && inline.text === '')).toBe(false);
      }),
    );
  });

  it('compares and tests inlines for emptiness', () => {
    expect(sameInlines([text('a')], [text('a')])).toBe(true);
    expect(sameInlines([text('a')], [text('a', { bold: true })])).toBe(false);
    expect(isEmptyInlines([])).toBe(true);
    expect(isEmptyInlines([text('  \u00a0'), text('')])).toBe(true);
    expect(isEmptyInlines([text(' '), fact('f1')])).toBe(false);
    expect(isEmptyInlines([{ kind: 'figure-ref', chartId: 'ch-1' }])).toBe(false);
  });
});

// ---- immutable updates ---------------------------------------------------------------------------

describe('immutable updates', () => {
  it('moves an item from one place to another, and ignores out-of-range moves', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(['a', 'b'], 0, 2)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], -1, 0)).toEqual(['a', 'b']);
    expect(moveItem([], 0, 0)).toEqual([]);
    const items = ['a', 'b'];
    expect(moveItem(items, 1, 1)).not.toBe(items); // always a new array
  });

  it('moving a block and moving it back gives the original report', () => {
    fc.assert(
      fc.property(reportWithPositions, ([generated, sectionIndex, from, to]) => {
        const sectionId = generated.sections[sectionIndex]!.id;
        const moved = moveBlock(generated, sectionId, from, to);
        expect(moveBlock(moved, sectionId, to, from)).toEqual(generated);
      }),
    );
  });

  it('moving a section and moving it back gives the original report; a move keeps every section', () => {
    fc.assert(
      fc.property(
        reportArb.chain((generated) => fc.tuple(fc.constant(generated), fc.nat({ max: generated.sections.length - 1 }), fc.nat({ max: generated.sections.length - 1 }))),
        ([generated, from, to]) => {
          const moved = moveSection(generated, from, to);
          expect(moved.sections[to]).toBe(generated.sections[from]);
          expect(moved.sections.map((section) => section.id).sort()).toEqual(generated.sections.map((section) => section.id).sort());
          expect(moveSection(moved, to, from)).toEqual(generated);
        },
      ),
    );
  });

  it('no operation mutates its input, and untouched sections are shared, not copied', () => {
    fc.assert(
      fc.property(reportWithPositions, ([generated, sectionIndex, from, to]) => {
        const before = structuredClone(generated);
        const sectionId = generated.sections[sectionIndex]!.id;
        const results = [
          moveSection(generated, from, to),
          moveBlock(generated, sectionId, from, to),
          updateBlock(generated, sectionId, from, () => emptyParagraph()),
          replaceBlocks(generated, sectionId, from, 1, [paragraph(text('new'))]),
          appendFactToSection(generated, sectionId, 'f9'),
          appendInlineToSection(generated, sectionId, { kind: 'figure-ref', chartId: 'ch-9' }),
          appendChartToSection(generated, sectionId, 'ch-9', 'half'),
          addKeyFigure(generated, sectionId, { factId: 'f9', label: 'New' }, { blockIndex: from, afterIndex: to }),
          addKeyFigure(generated, sectionId, { factId: 'f9', label: 'New' }, { blockIndex: null, afterIndex: null }),
        ];
        expect(generated).toEqual(before);
        for (const result of results.slice(1)) {
          expect(result).not.toBe(generated);
          generated.sections.forEach((section, index) => {
            if (index !== sectionIndex) expect(result.sections[index]).toBe(section);
          });
        }
      }),
    );
  });

  it('updates one block, and replaces a run of blocks with others', () => {
    const original = sample();
    const updated = updateBlock(original, 'sec-b', 2, () => ({ kind: 'chart', chartId: 'ch-3', width: 'full' }));
    expect(updated.sections[1]!.blocks[2]).toEqual({ kind: 'chart', chartId: 'ch-3', width: 'full' });
    expect(updated.sections[1]!.blocks.length).toBe(5);

    const replaced = replaceBlocks(original, 'sec-b', 1, 2, [paragraph(text('one')), paragraph(text('two')), paragraph(text('three'))]);
    expect(replaced.sections[1]!.blocks.map((block) => block.kind)).toEqual(['key-figures', 'paragraph', 'paragraph', 'paragraph', 'chart', 'guidance']);
    const removed = replaceBlocks(original, 'sec-b', 0, 1, []);
    expect(removed.sections[1]!.blocks.map((block) => block.kind)).toEqual(['list', 'chart', 'chart', 'guidance']);
    expect(updateSection(original, 'sec-nope', () => ({ id: 'x', heading: '', blocks: [] }))).toEqual(original);
  });

  it('a new section has a valid id, the heading and one empty paragraph', () => {
    const section = newSection();
    expect(section.id).toMatch(/^sec-[A-Za-z0-9_-]+$/);
    expect(section.heading).toBe('New section');
    expect(section.blocks).toEqual([{ kind: 'paragraph', content: [] }]);
    expect(newSection('Budget').heading).toBe('Budget');
    expect(newId('rep')).not.toBe(newId('rep'));
  });
});

// ---- inserting facts and charts -------------------------------------------------------------------

describe('inserting facts, charts and key figures', () => {
  it('appends a fact to the last paragraph with a space before it, unless the text already ends in one', () => {
    const withText = report([{ id: 's', heading: 'H', blocks: [paragraph(text('First')), { kind: 'chart', chartId: 'ch-1', width: 'full' }, paragraph(text('Since 2020'))] }]);
    expect(appendFactToSection(withText, 's', 'f1').sections[0]!.blocks[2]).toEqual(paragraph(text('Since 2020 '), fact('f1')));

    const endsInSpace = report([{ id: 's', heading: 'H', blocks: [paragraph(text('Since 2020 '))] }]);
    expect(appendFactToSection(endsInSpace, 's', 'f1').sections[0]!.blocks[0]).toEqual(paragraph(text('Since 2020 '), fact('f1')));

    const endsInChip = report([{ id: 's', heading: 'H', blocks: [paragraph(fact('f1'))] }]);
    expect(appendFactToSection(endsInChip, 's', 'f2').sections[0]!.blocks[0]).toEqual(paragraph(fact('f1'), text(' '), fact('f2')));

    const empty = report([{ id: 's', heading: 'H', blocks: [emptyParagraph()] }]);
    expect(appendFactToSection(empty, 's', 'f1').sections[0]!.blocks[0]).toEqual(paragraph(fact('f1')));
  });

  it('adds a paragraph when the section has none', () => {
    const noParagraph = report([{ id: 's', heading: 'H', blocks: [{ kind: 'chart', chartId: 'ch-1', width: 'full' }] }]);
    expect(appendInlineToSection(noParagraph, 's', { kind: 'figure-ref', chartId: 'ch-1' }).sections[0]!.blocks).toEqual([
      { kind: 'chart', chartId: 'ch-1', width: 'full' },
      paragraph({ kind: 'figure-ref', chartId: 'ch-1' }),
    ]);
  });

  it('places a chart at the end of the section, full width unless told', () => {
    expect(appendChartToSection(sample(), 'sec-a', 'ch-9').sections[0]!.blocks.at(-1)).toEqual({ kind: 'chart', chartId: 'ch-9', width: 'full' });
    expect(appendChartToSection(sample(), 'sec-a', 'ch-9', 'half').sections[0]!.blocks.at(-1)).toEqual({ kind: 'chart', chartId: 'ch-9', width: 'half' });
  });

  it('adds a key figure to the given box, else the first box with room, else a new box', () => {
    const item = { factId: 'f9', label: 'New' };
    const full = { kind: 'key-figures' as const, items: Array.from({ length: 12 }, (_, index) => ({ factId: `k${index}`, label: `K${index}` })) };
    const roomy = { kind: 'key-figures' as const, items: [{ factId: 'f1', label: 'One' }] };
    const base = report([{ id: 's', heading: 'H', blocks: [paragraph(text('a')), full, roomy, paragraph(text('b'))] }]);

    const intoGiven = addKeyFigure(base, 's', item, { blockIndex: 2, afterIndex: null }).sections[0]!.blocks;
    expect(intoGiven[2]).toEqual({ kind: 'key-figures', items: [{ factId: 'f1', label: 'One' }, item] });

    // The given box is full (12 is the limit), or not a box at all: the first box with room takes it.
    expect(addKeyFigure(base, 's', item, { blockIndex: 1, afterIndex: null }).sections[0]!.blocks[2]).toEqual(intoGiven[2]);
    expect(addKeyFigure(base, 's', item, { blockIndex: 0, afterIndex: null }).sections[0]!.blocks[2]).toEqual(intoGiven[2]);
    expect(addKeyFigure(base, 's', item, { blockIndex: 1, afterIndex: null }).sections[0]!.blocks[1]).toBe(full);

    const onlyFull = report([{ id: 's', heading: 'H', blocks: [paragraph(text('a')), full, paragraph(text('b'))] }]);
    const after = addKeyFigure(onlyFull, 's', item, { blockIndex: 1, afterIndex: 0 }).sections[0]!.blocks;
    expect(after.map((block) => block.kind)).toEqual(['paragraph', 'key-figures', 'key-figures', 'paragraph']);
    expect(after[1]).toEqual({ kind: 'key-figures', items: [item] });
    const atEnd = addKeyFigure(onlyFull, 's', item, { blockIndex: null, afterIndex: null }).sections[0]!.blocks;
    expect(atEnd.at(-1)).toEqual({ kind: 'key-figures', items: [item] });
    expect(atEnd.length).toBe(4);
  });

  it('never puts more than 12 figures in a box', () => {
    fc.assert(
      fc.property(reportWithPositions, fc.integer({ min: 1, max: 30 }), ([generated, sectionIndex, from, to], times) => {
        const sectionId = generated.sections[sectionIndex]!.id;
        let current = generated;
        for (let count = 0; count < times; count += 1) current = addKeyFigure(current, sectionId, { factId: 'f9', label: 'x' }, { blockIndex: from, afterIndex: to });
        const section = current.sections[sectionIndex]!;
        const before = generated.sections[sectionIndex]!.blocks.filter((block) => block.kind === 'key-figures');
        const added = section.blocks.filter((block) => block.kind === 'key-figures').reduce((sum, block) => sum + (block.kind === 'key-figures' ? block.items.length : 0), 0) -
          before.reduce((sum, block) => sum + (block.kind === 'key-figures' ? block.items.length : 0), 0);
        expect(added).toBe(times);
        for (const block of section.blocks) if (block.kind === 'key-figures') expect(block.items.length).toBeLessThanOrEqual(Math.max(12, ...before.map((box) => (box.kind === 'key-figures' ? box.items.length : 0))));
      }),
    );
  });
});

// ---- names, dates, labels ----------------------------------------------------------------------------

describe('names and dates', () => {
  it('names the PDF after the title and the report date, letters of any script kept', () => {
    expect(pdfFileName({ title: 'Mine action in Karabakh: 2026 appeal', date: '2026-03' })).toBe('Mine-action-in-Karabakh-2026-appeal-2026-03.pdf');
    expect(pdfFileName({ title: 'Qəbələ — minalar / 2025', date: '2025' })).toBe('Qəbələ-minalar-2025-2025.pdf');
    expect(pdfFileName({ title: '', date: '2026-03-01' })).toBe('report-2026-03-01.pdf');
    expect(pdfFileName({ title: '!!! ???', date: '2026' })).toBe('report-2026.pdf');
    expect(pdfFileName({ title: '../../etc/passwd', date: '2026' })).toBe('etc-passwd-2026.pdf');
  });

  it('keeps a long title to 80 characters without a dangling hyphen', () => {
    const name = pdfFileName({ title: `${'a'.repeat(79)} ${'b'.repeat(30)}`, date: '2026' });
    expect(name).toBe(`${'a'.repeat(79)}-2026.pdf`);
    expect(pdfFileName({ title: 'x'.repeat(200), date: '2026' })).toBe(`${'x'.repeat(80)}-2026.pdf`);
  });

  it('writes "last edited" relative to now, then as a plain date', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(formatEdited('2026-03-10T11:59:30Z', now)).toBe('just now');
    expect(formatEdited('2026-03-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatEdited('2026-03-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatEdited('2026-03-09T12:00:00Z', now)).toBe('yesterday');
    expect(formatEdited('2026-03-07T12:00:00Z', now)).toBe('3 days ago');
    expect(formatEdited('2026-02-01T12:00:00Z', now)).toBe('1 Feb 2026');
    expect(formatEdited('not a date', now)).toBe('not a date');
    expect(formatTimestamp('garbage')).toBe('garbage');
    expect(formatTimestamp('2026-03-10T12:00:00Z')).toMatch(/^10 Mar 2026, \d{2}:\d{2}$/);
  });

  it('humanises template field keys', () => {
    expect(humaniseKey('documentType')).toBe('Document type');
    expect(humaniseKey('criticalDateReason')).toBe('Critical date reason');
    expect(humaniseKey('period_covered')).toBe('Period covered');
    expect(humaniseKey('launch-date')).toBe('Launch date');
    expect(humaniseKey('')).toBe('');
  });

  it('decodes base64 into bytes', () => {
    expect([...base64ToBytes('JVBERi0=')]).toEqual([...new TextEncoder().encode('%PDF-')]);
    expect(base64ToBytes('').length).toBe(0);
    expect([...base64ToBytes('/wA=')]).toEqual([255, 0]);
  });
});

// ---- following the preview ---------------------------------------------------------------------------

describe('sectionPages', () => {
  const sections: Section[] = ['The problem', 'What we ask', 'Budget', 'Contacts'].map((heading, index) => ({ id: `s${index}`, heading, blocks: [] }));

  it('finds each heading on or after the previous one, ignoring case and punctuation', () => {
    const pages = ['Title page', 'THE PROBLEM\nSince 2020…', 'more text', 'What we ask — and budget', 'Contacts: …'];
    expect([...sectionPages(sections, pages, false)]).toEqual([
      ['s0', 2],
      ['s1', 4],
      ['s2', 4],
      ['s3', 5],
    ]);
  });

  it('skips a table of contents that names most headings', () => {
    const pages = ['Contents\nThe problem 2\nWhat we ask 3\nBudget 3\nContacts 4', 'The problem', 'What we ask\nBudget', 'Contacts'];
    expect([...sectionPages(sections, pages, true)]).toEqual([
      ['s0', 2],
      ['s1', 3],
      ['s2', 3],
      ['s3', 4],
    ]);
    // Without contents the first page is taken at its word.
    expect(sectionPages(sections, pages, false).get('s0')).toBe(1);
  });

  it('leaves out sections with an empty heading or a heading not found', () => {
    const withBlank: Section[] = [{ id: 'a', heading: '  ', blocks: [] }, { id: 'b', heading: 'Missing', blocks: [] }, ...sections.slice(0, 1)];
    expect([...sectionPages(withBlank, ['The problem'], false)]).toEqual([['s0', 1]]);
    expect(sectionPages([], [], true).size).toBe(0);
  });
});
