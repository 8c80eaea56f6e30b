/**
 * The one font of every export: DejaVu Sans (covers Azerbaijani and Cyrillic). The PDF writer
 * registers these files under both family names, and the charts' SVG asks for them in the same
 * words, so text in a chart and text in the report are set in the same face.
 */
export const REPORT_FONT = 'DejaVu Sans';

/** Every family name the PDF writer registers (pdfmake matches an SVG font-family against these). */
export const REPORT_FONT_FAMILIES = [REPORT_FONT, 'DejaVuSans'] as const;

/** The SVG font-family stack of a chart: either spelling finds the font. */
export const CHART_FONT_STACK = `${REPORT_FONT_FAMILIES.join(', ')}, sans-serif`;

/** The files of each style, in resources/fonts. */
export const REPORT_FONT_FILES = {
  normal: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italics: 'DejaVuSans-Oblique.ttf',
  bolditalics: 'DejaVuSans-BoldOblique.ttf',
} as const;

export type FontStyle = keyof typeof REPORT_FONT_FILES;
