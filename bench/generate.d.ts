// Types for bench/generate.js.
export declare const GENERATOR_VERSION: number;
export declare function prng(seed: number): {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
};
export declare function generateCorpus(
  dir: string,
  /** `real` (the default): shaped like a real backend; `dense`: nearly every file a handler, service, repository or job. */
  options?: { files?: number; seed?: number; mix?: 'real' | 'dense' },
): { version: number; files: number; seed: number; mix: 'real' | 'dense'; dir: string; lines: number };
export declare function generateLongFunction(lines: number, seed?: number): string;
