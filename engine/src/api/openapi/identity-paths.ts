import { ADMIN } from '../contract/admin.js';
import { AUTH } from '../contract/auth.js';
import { CALENDAR } from '../contract/calendar.js';
import { DEMO } from '../contract/demo.js';
import { REVIEWS } from '../contract/reviews.js';
import { PREVIEW } from '../contract/preview.js';
import { SCHEDULES } from '../contract/schedules.js';
import { WEBHOOKS } from '../contract/webhooks.js';
import { toContractPaths } from './contract-paths.js';
import type { JsonSchema } from './field-schemas.js';

/** `/auth/*`: sign-in, first-run setup, the caller's profile, password and API keys. Public ones say `security: []`. */
export const AUTH_PATHS: Record<string, JsonSchema> = toContractPaths(AUTH);

/** `/admin/*`: users, org units, handover, the audit trail, the business calendar and sample data (administrators only). */
export const ADMIN_PATHS: Record<string, JsonSchema> = {
  ...toContractPaths(ADMIN),
  ...toContractPaths(CALENDAR),
  ...toContractPaths(SCHEDULES),
  ...toContractPaths(WEBHOOKS),
  ...toContractPaths(DEMO),
  // The publish reviews live under /meta but, like these, only administrators see them.
  ...toContractPaths(REVIEWS),
  // "View as": administrators preview the draft as a role or user (preview/).
  ...toContractPaths(PREVIEW),
};
