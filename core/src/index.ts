/**
 * @lodestar/core: what the engine and the apps must agree on. Browser-safe: no Node or database imports
 * (core-contract.test.ts checks), so the apps import it from source and the engine from its build.
 */
export * from './definitions/types.js';
export * from './identifiers.js';
export * from './durations.js';
export * from './field-kind.js';
export * from './plan.js';
export * from './key-normalize.js';
export * from './unique-keys.js';
export * from './text.js';
export * from './workflow-binding.js';
export * from './system-titles.js';
export * from './format/index.js';
export * from './formula-time-zone.js';
export * from './sequence-pattern.js';
export * from './stage-rules.js';
export * from './formula/index.js';
export * from './worded-plan.js';
export * from './version-diff.js';
export * from './report-answers.js';
export * from './dashboard-answers.js';
export * from './history-answer.js';
export * from './audit-answer.js';
export * from './record-answers.js';
export * from './my-day-answer.js';
export * from './search-answer.js';
export * from './approval-answers.js';
export * from './notification-answer.js';
export * from './model-versions.js';
export * from './workflow-answers.js';
export * from './duplicate-answer.js';
export * from './state-mapping.js';
export * from './identity-answers.js';
export * from './handover-answer.js';
export * from './template-answers.js';
export * from './schedule-answers.js';
export * from './import-answers.js';
export { TYPE_SCHEMAS } from './generated/type-schemas.js';
