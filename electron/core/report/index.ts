export * from './numbering';
export * from './text';
export * from './document';
