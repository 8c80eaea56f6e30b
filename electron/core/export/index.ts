export * from './citation-numbering';
export * from './report-text';
export * from './pdf-definition';
