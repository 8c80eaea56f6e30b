export * from './runs';
export * from './csl-json';
export * from './formatter';
