import type { Knex } from 'knex';
import { readCurrentVersion, readLatestVersionNumber } from '../db/definitions-repo.js';
import { EMPTY_SET, hashDefinitionSet } from '../definitions/definition-set.js';
import { renewPreparedStatements } from '../db/prepared.js';
import { compileModel, type Model } from './compile-model.js';
import { loadPinyinTable } from '../search/pinyin-table.js';

/**
 * Keeps the compiled model of the current published version. Requests pin `current()` once;
 * a publish in this process calls `refresh()`; other processes notice a newer version within
 * `checkEveryMs` (a one-row lookup), so many engine processes converge without restarts. Until
 * they do, a request may run its model's SQL on a newer schema: `api/pin-model.ts` then asks
 * `refresh()` and runs the request again on the newer model.
 */
export class ModelCache {
  private model: Model;
  private lastCheck = 0;
  private checking: Promise<void> | undefined;
  private running: Promise<Model> | undefined;
  private queued: Promise<Model> | undefined;

  private constructor(
    private readonly knex: Knex,
    model: Model,
    private readonly checkEveryMs: number,
  ) {
    this.model = model;
  }

  static async open(knex: Knex, checkEveryMs = 1000): Promise<ModelCache> {
    const cache = new ModelCache(knex, compileModel(EMPTY_SET, 0, hashDefinitionSet(EMPTY_SET)), checkEveryMs);
    // Writers compute search documents with the database's own pinyin table (search/pinyin-table.ts).
    await loadPinyinTable(knex);
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

  /**
   * Waits until the cache holds the newest published version. Callers at the same moment (every
   * request that met a publish) share one look-up; a look-up already under way may have read
   * before the caller's reason to ask (a publish that just committed), so one more is queued after
   * it. A version already known is not read or compiled again.
   */
  refresh(): Promise<Model> {
    this.queued ??= (this.running ?? Promise.resolve(this.model))
      .catch(() => this.model)
      .then(() => {
        this.queued = undefined;
        const run: Promise<Model> = this.load().finally(() => {
          if (this.running === run) this.running = undefined;
        });
        this.running = run;
        return run;
      });
    return this.queued;
  }

  private async load(): Promise<Model> {
    const latest = await readLatestVersionNumber(this.knex);
    this.lastCheck = Date.now();
    if (latest === undefined || latest === this.model.version) return this.model;
    const stored = await readCurrentVersion(this.knex);
    if (stored && stored.version !== this.model.version) {
      this.model = compileModel(stored.definitions, stored.version, stored.hash);
      // Statements prepared on the older schema keep its column types: the new model prepares its own.
      renewPreparedStatements();
    }
    return this.model;
  }

  private async checkForNewer(): Promise<void> {
    try {
      await this.refresh();
    } catch {
      // A failed check keeps the current model; the next request tries again.
    }
  }
}
