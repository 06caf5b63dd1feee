import type { Knex } from 'knex';
import { readCurrentVersion, readLatestVersionNumber } from '../store/definitions-repo.js';
import { EMPTY_SET, hashDefinitionSet } from '../definitions/definition-set.js';
import { compileModel, type Model } from './compile-model.js';

/**
 * Keeps the compiled model of the current published version. Requests pin `current()` once;
 * a publish in this process calls `refresh()`; other processes notice a newer version within
 * `checkEveryMs` (a one-row lookup), so many engine processes converge without restarts.
 */
export class ModelCache {
  private model: Model;
  private lastCheck = 0;
  private checking: Promise<void> | undefined;

  private constructor(private readonly knex: Knex, model: Model, private readonly checkEveryMs: number) {
    this.model = model;
  }

  static async open(knex: Knex, checkEveryMs = 1000): Promise<ModelCache> {
    const cache = new ModelCache(knex, compileModel(EMPTY_SET, 0, hashDefinitionSet(EMPTY_SET)), checkEveryMs);
    await cache.refresh();
    return cache;
  }

  /** The model to use for this request; starts a background check when the last one is stale. */
  current(): Model {
    if (Date.now() - this.lastCheck > this.checkEveryMs && !this.checking) {
      this.checking = this.checkForNewer().finally(() => (this.checking = undefined));
    }
    return this.model;
  }

  /** Waits until the cache holds the newest published version. */
  async refresh(): Promise<Model> {
    const stored = await readCurrentVersion(this.knex);
    this.lastCheck = Date.now();
    if (stored && stored.version !== this.model.version) this.model = compileModel(stored.definitions, stored.version, stored.hash);
    return this.model;
  }

  private async checkForNewer(): Promise<void> {
    try {
      const latest = await readLatestVersionNumber(this.knex);
      this.lastCheck = Date.now();
      if (latest !== undefined && latest !== this.model.version) await this.refresh();
    } catch {
      // A failed check keeps the current model; the next request tries again.
    }
  }
}
