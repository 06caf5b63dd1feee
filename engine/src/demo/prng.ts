/** A seeded pseudo-random source (mulberry32): the same seed gives the same demo data on every machine. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** One item of a non-empty list. */
  item<T>(items: readonly T[]): T;
  /** A key chosen by its weight. */
  weighted<T>(choices: readonly { value: T; weight: number }[]): T | undefined;
}

/** A seed from text (`lodestar demo --seed acme`), by FNV-1a. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    item: (items) => items[Math.floor(next() * items.length)]!,
    weighted(choices) {
      const total = choices.reduce((sum, c) => sum + c.weight, 0);
      let at = next() * total;
      for (const choice of choices) {
        at -= choice.weight;
        if (at < 0) return choice.value;
      }
      return undefined;
    },
  };
}
