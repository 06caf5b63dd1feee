/**
 * When to try a failed delivery again. Exponential, so a receiver that is down for hours is not
 * hammered, with jitter, so rows that failed together (one outage) do not all retry in the same second.
 */
export interface BackoffPolicy {
  /** Delay after the first failed attempt. Must be positive: a zero delay would make a failing row due again at once. */
  baseMs: number;
  /** Each further failure multiplies the delay by this. */
  factor: number;
  /** No delay is longer than this. */
  maxMs: number;
  /** Fraction of the delay taken off at random (0..1): the delay lands in [(1 - jitter) · d, d]. */
  jitter: number;
}

/** 30 s, 2 min, 8 min, 32 min, ~2 h 8 min, then 6 h each: eight attempts span about 15 hours. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, factor: 4, maxMs: 6 * 3_600_000, jitter: 0.2 };

/**
 * The delay before the next attempt, after `attempts` attempts have failed (attempts >= 1).
 * Jitter only shortens the delay, so `maxMs` stays a true maximum.
 */
export function retryDelayMs(
  attempts: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  if (!(policy.baseMs > 0)) throw new RangeError('backoff baseMs must be positive');
  const exponent = Math.max(0, attempts - 1);
  const nominal = Math.min(policy.maxMs, policy.baseMs * policy.factor ** exponent);
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.max(1, Math.round(nominal * (1 - jitter * random())));
}

/** The time of the next attempt, `attempts` failed attempts after `now`. */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): Date {
  return new Date(now.getTime() + retryDelayMs(attempts, policy, random));
}
