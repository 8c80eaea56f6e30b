import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Inline } from '../../../electron/shared/entities';
import { FIGURE_FORMS, type FigureForm } from '../../../electron/shared/format-number';
import { isEmptyInlines, normaliseInlines, sameInlines } from './report-model';

/** The prose either side of a chip, up to the next chip: a figure's form and qualifier depend on it. */
export interface ChipContext {
  before: string;
  after: string;
}

/**
 * A click on a fact chip cycles how its figure is written: as the sentence needs (no stored form),
 * then each form in turn (issue 11 §3: "415 casualties", not "415 people casualties").
 */
const FORM_CYCLE: readonly (FigureForm | undefined)[] = [undefined, 'value-unit', 'value', 'value-unit-words'];
const isFigureForm = (value: string | undefined): value is FigureForm => (FIGURE_FORMS as readonly string[]).includes(value ?? '');
const nextForm = (current: string | undefined): FigureForm | undefined =>
  FORM_CYCLE[(FORM_CYCLE.indexOf(isFigureForm(current) ? current : undefined) + 1) % FORM_CYCLE.length];

/** What a chip shows: built by the editor from the live fact and the citation order. */
export interface ChipView {
  value: string;
  number: number | null;
  tone: 'ok' | 'warn' | 'error';
  title: string;
}

/** What the rest of the editor may do with the prose field that last had the caret. */
export interface ProseHandle {
  /** Puts a fact chip where the caret was (or at the end) and keeps the caret after it; false when the field is gone. */
  insertFact: (factId: string) => boolean;
  /** The same for a "Figure n" reference, which follows the chart when it moves. */
  insertFigureRef: (chartId: string) => boolean;
  /** 'saved' puts the caret back where it was last. */
  focus: (at: 'start' | 'end' | 'saved') => void;
}

// Caret room after a chip: Chromium cannot place the caret after a non-editable node at the end
// of a line without a text node there. Stripped when the field is read back.
const CARET_ROOM = '\u200B';

/** Input types the field lets the browser perform; everything else is handled here or refused. */
const NATIVE_INPUT = new Set([
  'insertText',
  'insertReplacementText',
  'insertCompositionText',
  'insertFromComposition',
  'deleteCompositionText',
  'deleteContentBackward',
  'deleteContentForward',
  'deleteWordBackward',
  'deleteWordForward',
  'deleteSoftLineBackward',
  'deleteSoftLineForward',
  'deleteHardLineBackward',
  'deleteHardLineForward',
  'deleteByCut',
  'deleteContent',
  'formatBold',
  'formatItalic',
]);

interface Marks {
  bold: boolean;
  italic: boolean;
}

const createChip = (doc: Document, inline: Extract<Inline, { kind: 'fact' | 'figure-ref' }>): HTMLElement => {
  const chip = doc.createElement('span');
  chip.contentEditable = 'false';
  chip.className = 'chip';
  if (inline.kind === 'fact') {
    chip.dataset.factId = inline.factId;
    if (inline.form) chip.dataset.form = inline.form;
  } else {
    chip.dataset.chartId = inline.chartId;
    chip.classList.add('chip--figure');
  }
  return chip;
};

/** Builds the field's nodes from the model: text nodes, <strong>/<em>, chips. Never HTML strings. */
const renderInlines = (root: HTMLElement, inlines: readonly Inline[]) => {
  const doc = root.ownerDocument;
  const nodes: Node[] = [];
  inlines.forEach((inline, index) => {
    if (inline.kind === 'text') {
      let node: Node = doc.createTextNode(inline.text);
      if (inline.italic) {
        const em = doc.createElement('em');
        em.append(node);
        node = em;
      }
      if (inline.bold) {
        const strong = doc.createElement('strong');
        strong.append(node);
        node = strong;
      }
      nodes.push(node);
      return;
    }
    nodes.push(createChip(doc, inline));
    if (inlines[index + 1]?.kind !== 'text') nodes.push(doc.createTextNode(CARET_ROOM));
  });
  root.replaceChildren(...nodes);
};

const isBoldStyle = (element: HTMLElement) => {
  const weight = element.style.fontWeight;
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
};

/** Reads nodes back into the model. Unknown elements contribute their text, nothing else. */
const readInlines = (parent: Node, marks: Marks = { bold: false, italic: false }, out: Inline[] = []): Inline[] => {
  for (const node of parent.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.nodeValue ?? '').replaceAll(CARET_ROOM, '').replace(/\s*\n\s*/g, ' ');
      if (text) out.push({ kind: 'text', text, ...(marks.bold ? { bold: true } : {}), ...(marks.italic ? { italic: true } : {}) });
      continue;
    }
    if (!(node instanceof HTMLElement)) continue;
    if (node.dataset.factId) {
      const form = node.dataset.form;
      out.push({ kind: 'fact', factId: node.dataset.factId, ...(isFigureForm(form) ? { form } : {}) });
      continue;
    }
    if (node.dataset.chartId) {
      out.push({ kind: 'figure-ref', chartId: node.dataset.chartId });
      continue;
    }
    if (node.tagName === 'BR') continue;
    const tag = node.tagName;
    readInlines(
      node,
      {
        bold: marks.bold || tag === 'B' || tag === 'STRONG' || isBoldStyle(node),
        italic: marks.italic || tag === 'I' || tag === 'EM' || node.style.fontStyle === 'italic',
      },
      out,
    );
  }
  return out;
};

const read = (root: Node): Inline[] => normaliseInlines(readInlines(root));

/** The text before and after each chip in the field, up to the neighbouring chips. */
const chipContexts = (root: HTMLElement): Map<HTMLElement, ChipContext> => {
  const contexts = new Map<HTMLElement, ChipContext>();
  let previous: HTMLElement | null = null;
  let text = '';
  const walk = (parent: Node) => {
    for (const node of parent.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) text += (node.nodeValue ?? '').replaceAll(CARET_ROOM, '');
      else if (node instanceof HTMLElement && node.classList.contains('chip')) {
        if (previous) contexts.get(previous)!.after = text;
        contexts.set(node, { before: text, after: '' });
        previous = node;
        text = '';
      } else walk(node);
    }
  };
  walk(root);
  if (previous) contexts.get(previous)!.after = text;
  return contexts;
};

/** The fact chip right before a collapsed caret (caret room ignored), if any. */
const chipBeforeCaret = (root: HTMLElement): HTMLElement | null => {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const { startContainer, startOffset } = selection.getRangeAt(0);
  if (!root.contains(startContainer)) return null;
  let previous: Node | null;
  if (startContainer.nodeType === Node.TEXT_NODE) {
    if ((startContainer.nodeValue ?? '').slice(0, startOffset).replaceAll(CARET_ROOM, '') !== '') return null;
    previous = startContainer.previousSibling;
  } else previous = startContainer.childNodes[startOffset - 1] ?? null;
  return previous instanceof HTMLElement && previous.dataset.factId ? previous : null;
};

const placeCaret = (root: HTMLElement, at: 'start' | 'end') => {
  const selection = root.ownerDocument.getSelection();
  if (!selection) return;
  const range = root.ownerDocument.createRange();
  range.selectNodeContents(root);
  range.collapse(at === 'start');
  selection.removeAllRanges();
  selection.addRange(range);
};

const caretAtStart = (root: HTMLElement): boolean => {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return false;
  const before = root.ownerDocument.createRange();
  before.selectNodeContents(root);
  before.setEnd(selection.getRangeAt(0).startContainer, selection.getRangeAt(0).startOffset);
  return before.toString().replaceAll(CARET_ROOM, '') === '' && before.cloneContents().querySelector('[data-fact-id],[data-chart-id]') === null;
};

/**
 * One paragraph or list item, edited in place: text runs with bold and italic, and facts as
 * chips that cannot be typed into. The DOM is built from the model and read back after every
 * input; it is rebuilt only when the model changes from outside (undo, an inserted chip), so the
 * caret stays put while typing. Pasted content arrives as plain text; Enter splits the block.
 */
export const ProseEditor = ({
  content,
  onChange,
  chipView,
  chipKey,
  label,
  placeholder,
  className = '',
  onActivate,
  onSplit,
  onRemoveEmpty,
  focusRequest,
}: {
  content: Inline[];
  onChange: (content: Inline[]) => void;
  chipView: (inline: Extract<Inline, { kind: 'fact' | 'figure-ref' }>, context: ChipContext) => ChipView;
  /** Changes whenever any chip's view may have changed (values, numbering). */
  chipKey: string;
  label: string;
  placeholder?: string;
  className?: string;
  onActivate: (handle: ProseHandle) => void;
  onSplit?: (before: Inline[], after: Inline[]) => void;
  onRemoveEmpty?: () => void;
  /** Focus this field; the token changes for every new request. */
  focusRequest?: { token: number; at: 'start' | 'end' } | null;
}) => {
  const rootRef = useRef<HTMLDivElement>(null);
  const shownRef = useRef<Inline[] | null>(null);
  const savedRange = useRef<Range | null>(null);
  const handledFocus = useRef<number | null>(null);
  const props = useRef({ onChange, onSplit, onRemoveEmpty, chipView });
  useLayoutEffect(() => {
    props.current = { onChange, onSplit, onRemoveEmpty, chipView };
  });

  const emit = () => {
    const root = rootRef.current;
    if (!root) return;
    const next = read(root);
    shownRef.current = next;
    root.classList.toggle('prose--empty', isEmptyInlines(next) && !next.some((inline) => inline.kind !== 'text'));
    props.current.onChange(next);
  };

  // Rebuild the nodes when the model changed from outside.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    if (shownRef.current && sameInlines(shownRef.current, content)) return;
    const hadFocus = root.ownerDocument.activeElement === root;
    renderInlines(root, content);
    shownRef.current = content;
    savedRange.current = null;
    root.classList.toggle('prose--empty', content.length === 0);
    if (hadFocus) placeCaret(root, 'end');
  }, [content]);

  // Chips show the live value and the citation number; updating them never moves the caret.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    for (const [chip, context] of chipContexts(root)) {
      const factId = chip.dataset.factId;
      const chartId = chip.dataset.chartId;
      const form = chip.dataset.form;
      const view = factId
        ? props.current.chipView({ kind: 'fact', factId, ...(isFigureForm(form) ? { form } : {}) }, context)
        : chartId
          ? props.current.chipView({ kind: 'figure-ref', chartId }, context)
          : null;
      if (!view) continue;
      const key = `${view.value}|${view.number ?? ''}|${view.tone}|${view.title}`;
      if (chip.dataset.view === key) continue;
      chip.dataset.view = key;
      chip.title = view.title;
      chip.dataset.tone = view.tone;
      const value = chip.ownerDocument.createElement('span');
      value.className = 'chip__value';
      value.textContent = view.value;
      const nodes: Node[] = [value];
      if (view.number !== null) {
        const number = chip.ownerDocument.createElement('sup');
        number.className = 'chip__number';
        number.textContent = String(view.number);
        nodes.push(number);
      }
      chip.replaceChildren(...nodes);
    }
  });

  const insertChip = (inline: Extract<Inline, { kind: 'fact' | 'figure-ref' }>): boolean => {
    {
      const root = rootRef.current;
      if (!root?.isConnected) return false;
      const doc = root.ownerDocument;
      let range = savedRange.current;
      if (!range || !root.contains(range.startContainer)) {
        range = doc.createRange();
        range.selectNodeContents(root);
        range.collapse(false);
      }
      range.collapse(false);
      // A word typed right before the chip gets a space; "(" and a space already are one.
      const before = range.cloneRange();
      before.selectNodeContents(root);
      before.setEnd(range.startContainer, range.startOffset);
      const previous = before.toString().replaceAll(CARET_ROOM, '').slice(-1);
      const chip = createChip(doc, inline);
      const room = doc.createTextNode(CARET_ROOM);
      range.insertNode(room);
      range.insertNode(chip);
      if (previous && !/[\s(“"'‘[]/.test(previous)) range.insertNode(doc.createTextNode(' '));
      const after = doc.createRange();
      after.setStart(room, 1);
      after.collapse(true);
      savedRange.current = after;
      if (doc.activeElement === root) {
        const selection = doc.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(after);
      }
      emit();
      return true;
    }
  };

  const handle: ProseHandle = {
    insertFact: (factId) => insertChip({ kind: 'fact', factId }),
    insertFigureRef: (chartId) => insertChip({ kind: 'figure-ref', chartId }),
    focus: (at) => {
      const root = rootRef.current;
      if (!root?.isConnected) return;
      root.focus({ preventScroll: at === 'saved' });
      const saved = savedRange.current;
      if (at === 'saved' && saved && root.contains(saved.startContainer)) {
        const selection = root.ownerDocument.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(saved);
      } else placeCaret(root, at === 'start' ? 'start' : 'end');
    },
  };
  const handleRef = useRef(handle);
  useLayoutEffect(() => {
    handleRef.current = handle;
  });

  useLayoutEffect(() => {
    if (!focusRequest || handledFocus.current === focusRequest.token) return;
    handledFocus.current = focusRequest.token;
    handleRef.current.focus(focusRequest.at);
  }, [focusRequest]);

  // Native listeners: React has no beforeinput with inputType, and selectionchange is global.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const doc = root.ownerDocument;
    const onBeforeInput = (event: InputEvent) => {
      if (event.inputType === 'insertParagraph' || event.inputType === 'insertLineBreak') {
        event.preventDefault();
        const split = props.current.onSplit;
        const selection = doc.getSelection();
        if (!split || !selection || selection.rangeCount === 0) return;
        const caret = selection.getRangeAt(0);
        caret.deleteContents();
        const tail = doc.createRange();
        tail.setStart(caret.startContainer, caret.startOffset);
        tail.setEnd(root, root.childNodes.length);
        const after = read(tail.extractContents());
        const before = read(root);
        shownRef.current = before;
        split(before, after);
        return;
      }
      if (!NATIVE_INPUT.has(event.inputType)) event.preventDefault();
    };
    // The caret is remembered on every input, key and click, not only on selectionchange: that
    // event is queued and coalesced, and when focus moves to the picker before it runs, the
    // selection it would report is no longer in this field.
    const rememberCaret = () => {
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (root.contains(range.startContainer)) savedRange.current = range.cloneRange();
    };
    const onInput = () => {
      rememberCaret();
      emit();
    };
    const onPaste = (event: ClipboardEvent) => {
      event.preventDefault();
      const text = (event.clipboardData?.getData('text/plain') ?? '').replace(/\s*\r?\n\s*/g, ' ');
      // insertText goes through the browser's own editing, so it joins the native input flow.
      if (text) doc.execCommand('insertText', false, text);
    };
    const onDrop = (event: DragEvent) => event.preventDefault();
    const cycleForm = (chip: HTMLElement) => {
      const form = nextForm(chip.dataset.form);
      if (form) chip.dataset.form = form;
      else delete chip.dataset.form;
      emit();
    };
    const onClick = (event: MouseEvent) => {
      const chip = event.target instanceof Element ? event.target.closest<HTMLElement>('.chip[data-fact-id]') : null;
      if (chip && root.contains(chip)) cycleForm(chip);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // Alt+Shift+F with the caret right after a fact chip: the keyboard's way to the click above
      // (by key position: Option+F types "ƒ" on a Mac; plain Alt+F may open a window menu).
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyF') {
        const chip = chipBeforeCaret(root);
        if (chip) {
          event.preventDefault();
          cycleForm(chip);
        }
        return;
      }
      if (event.key === 'Backspace' && !event.ctrlKey && !event.metaKey && props.current.onRemoveEmpty && caretAtStart(root) && read(root).length === 0) {
        event.preventDefault();
        props.current.onRemoveEmpty();
      }
    };
    const onSelectionChange = rememberCaret;
    root.addEventListener('beforeinput', onBeforeInput);
    root.addEventListener('input', onInput);
    root.addEventListener('paste', onPaste);
    root.addEventListener('drop', onDrop);
    root.addEventListener('click', onClick);
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('keyup', rememberCaret);
    root.addEventListener('mouseup', rememberCaret);
    doc.addEventListener('selectionchange', onSelectionChange);
    return () => {
      root.removeEventListener('beforeinput', onBeforeInput);
      root.removeEventListener('input', onInput);
      root.removeEventListener('paste', onPaste);
      root.removeEventListener('drop', onDrop);
      root.removeEventListener('click', onClick);
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('keyup', rememberCaret);
      root.removeEventListener('mouseup', rememberCaret);
      doc.removeEventListener('selectionchange', onSelectionChange);
    };
    // The listeners read the latest props through refs, so they are installed once.
  }, []);

  return (
    <div
      ref={rootRef}
      className={`prose ${className}`}
      contentEditable
      suppressContentEditableWarning
      role="textbox"
      aria-multiline="true"
      aria-label={label}
      data-placeholder={placeholder}
      spellCheck
      onFocus={() => onActivate(handleRef.current)}
      data-chip-key={chipKey}
    />
  );
};
