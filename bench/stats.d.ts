// Types for bench/stats.js.
export declare function median(xs: readonly number[]): number;
export declare function medianInterval(xs: readonly number[], confidence?: number): { low: number; high: number; confidence: number } | null;
export declare function growthExponent(points: ReadonlyArray<{ lines: number; ms: number }>): number;
