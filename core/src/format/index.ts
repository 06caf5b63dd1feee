// Formatting by field kind: one wording of values for the screens and the exports.
export * from './format-value.js';
export * from './intl.js';
export * from './labels.js';
export * from './value-kinds.js';
export * from './value-words.js';
