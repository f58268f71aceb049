export * from './cell-values.js';
export * from './id-number.js';
export * from './mask.js';
export * from './region-code.js';
