// Types for scripts/robustness.js, so tests can import it.
export interface SourceFile {
  file: string;
  lines: number;
}
export interface LintRun {
  files: number;
  lines: number;
  parseFailures: { file: string; message: string }[];
  exceptions: { file: string; rule: string; message: string }[];
  findings: Record<string, number>;
  results: [string, unknown[]][];
}
export declare function collectSources(options?: { minLines?: number; dirs?: string[]; nodeModules?: string }): SourceFile[];
export declare function lintSources(options: {
  plugin: { rules?: Record<string, unknown> };
  files: SourceFile[];
  namespace?: string;
}): Promise<LintRun>;
export declare function serializeResults(results: LintRun['results']): string;
