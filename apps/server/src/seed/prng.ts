/** A small deterministic PRNG (mulberry32) so the same seed always builds the same demo data. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
  /** Roughly normal (sum of uniforms), mean 0, sd 1. */
  gauss(): number;
  shuffle<T>(items: T[]): T[];
  sample<T>(items: readonly T[], n: number): T[];
  /** A UUID (version 4 layout) drawn from this generator. */
  uuid(): string;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const rng: Rng = {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(items) {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    chance: (p) => next() < p,
    gauss: () => (next() + next() + next() + next() + next() + next() - 3) / Math.SQRT1_2,
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
    sample(items, n) {
      return rng.shuffle([...items]).slice(0, Math.min(n, items.length));
    },
    uuid() {
      const hex: string[] = [];
      for (let i = 0; i < 16; i++) {
        let b = Math.floor(next() * 256);
        if (i === 6) b = (b & 0x0f) | 0x40;
        if (i === 8) b = (b & 0x3f) | 0x80;
        hex.push(b.toString(16).padStart(2, '0'));
      }
      const h = hex.join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
  return rng;
}
