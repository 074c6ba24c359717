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
  options?: { files?: number; seed?: number },
): { version: number; files: number; seed: number; dir: string; lines: number };
export declare function generateLongFunction(lines: number, seed?: number): string;
