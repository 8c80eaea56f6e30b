/**
 * What an import review says when the document holds more figures than it lists (issue 13 §5:
 * `import:propose` lists the first 1,000). Shared so the app and the command line say the same.
 */
export const figuresShownNote = (shown: number, found: number): string | null =>
  found > shown ? `showing the first ${shown.toLocaleString('en')} of ${found.toLocaleString('en')} figures` : null;
