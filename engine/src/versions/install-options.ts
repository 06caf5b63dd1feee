import type { StateMapping } from '../migrate/state-mapping.js';

/** How a template install runs, whole model or add-on alike. */
export interface InstallOptions {
  dryRun?: boolean;
  allowDestructive?: boolean;
  stateMapping?: StateMapping;
  publishedBy?: string | null;
  requestId?: string;
  /** The engine's definitions folder: its template.json names the model seeded from it (what add-ons extend). */
  definitionsDir?: string;
}
