/** The identifier rules live in @lodestar/core, shared with the apps. */
export {
  IDENTIFIER_PATTERN,
  RESERVED_NAMES,
  SYSTEM_COLUMNS,
  WORKFLOW_ID_PATTERN,
  assertIdentifier,
  isIdentifier,
  isSystemColumn,
  type SystemColumn,
} from '@lodestar/core';
