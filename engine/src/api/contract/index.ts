import { ADMIN } from './admin.js';
import { AUTH } from './auth.js';
import { CALENDAR } from './calendar.js';
import { META } from './meta.js';
import { NOTIFICATIONS } from './notifications.js';
import { RECORDS } from './records.js';
import { REPORTS } from './reports.js';
import { DASHBOARDS } from './dashboards.js';
import { MY_DAY, USERS_DIRECTORY } from './runtime-ui.js';
import type { Contract } from './spec.js';
import { VIEWS } from './views.js';
import { DELEGATIONS } from './delegations.js';
import { SCHEDULES } from './schedules.js';
import { IMPORTS } from './imports.js';
import { SEARCH } from './search.js';
import { WEBHOOKS } from './webhooks.js';
import { HEALTH } from './health.js';
import { DEMO } from './demo.js';
import { REVIEWS } from './reviews.js';
import { PREVIEW } from './preview.js';

/** Every router described by a contract; the route-schemas test and the client's OpenAPI document read this list. */
export const CONTRACTS: Contract[] = [
  AUTH,
  ADMIN,
  CALENDAR,
  VIEWS,
  USERS_DIRECTORY,
  MY_DAY,
  DELEGATIONS,
  NOTIFICATIONS,
  RECORDS,
  META,
  REVIEWS,
  PREVIEW,
  REPORTS,
  DASHBOARDS,
  SCHEDULES,
  IMPORTS,
  SEARCH,
  WEBHOOKS,
  HEALTH,
  DEMO,
];
