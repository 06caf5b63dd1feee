import type { ChangeSignals } from '../db/change-signals.js';
import { CHANNELS } from '../db/change-signals.js';

/** A principal row as looked up, with the session's end when it came through a session. */
export interface CachedPrincipal<Row> {
  row: Row;
  expiresAt?: Date;
}

const MAX_ENTRIES = 10_000;
const live = new Set<{ clear(): void }>();

/**
 * Called by the identity repository after each of its writes: this process forgets at once, so its own
 * next request never waits for the notification (which empties the other processes' caches at commit).
 */
export function forgetPrincipals(): void {
  for (const cache of live) cache.clear();
}

/**
 * The principals this process looked up, by token hash, trusted only while the process hears the
 * database's identity notifications: any write to users, sessions or API keys empties it (at commit, in
 * every process), and so does losing the notification connection, after which nothing is cached until it
 * is back. A look-up that overlapped an emptying is not remembered (`generation`), so a row read just
 * before a revocation cannot outlive it. Sessions are still held to their end time on every hit.
 */
export class PrincipalCache<Row> {
  private readonly entries = new Map<string, CachedPrincipal<Row>>();
  private generation = 0;

  constructor(private readonly signals: ChangeSignals) {
    signals.on(CHANNELS.identity, () => this.clear());
    signals.onGap(() => this.clear());
    live.add(this);
  }

  /** Stops following the repository's writes (the engine closed). */
  dispose(): void {
    live.delete(this);
    this.clear();
  }

  get(hash: string, now: Date): Row | undefined {
    if (!this.signals.listening) return undefined;
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt && entry.expiresAt <= now) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.row;
  }

  /** The generation to hand back to `set`: taken before the look-up starts. */
  mark(): number {
    return this.generation;
  }

  set(hash: string, entry: CachedPrincipal<Row>, generation: number): void {
    if (!this.signals.listening || generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(hash, entry);
  }

  /** Empties the cache; also this process's own identity writes call it, before their answer is sent. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
