// Types for scripts/accuracy.js, so tests can import the scorer.
export declare const THRESHOLD: number;
export declare const MIN_POSITIVES: number;

export interface LabelledUnit {
  name: string;
  line: number;
  labelLine: number;
  endLine: number;
  start: number;
  end: number;
  expected: string[];
}

export interface RuleScore {
  rule: string;
  /** Labelled functions expecting the rule. */
  positives: number;
  /** Labelled functions the rule is scored on (positives and look-alikes). */
  scoredUnits: number;
  tp: number;
  fn: number;
  fp: number;
  recall: number | null;
  precision: number | null;
}

export interface Miss {
  kind: 'FN' | 'FP';
  rule: string;
  file: string;
  line: number;
  name: string;
  message?: string;
}

export interface CorpusScore {
  files: number;
  units: number;
  rules: RuleScore[];
  total: { positives: number; tp: number; fn: number; fp: number; recall: number | null; precision: number | null };
  misses: Miss[];
  errors: string[];
}

export declare function listCorpusFiles(targets: string[]): string[];
export declare function readLabels(
  text: string,
  filePath: string,
  knownRules: string[],
): { scoredRules: string[] | null; units: LabelledUnit[]; errors: string[] };
export declare function corpusConfig(plugin: object, namespace: string, ruleIds: string[]): object[];
export declare function scoreCorpus(options: {
  targets: string[];
  plugin: { rules?: Record<string, unknown> };
  namespace?: string;
  ruleIds?: string[];
  cwd?: string;
}): Promise<CorpusScore>;
export declare function thresholdFailures(
  score: CorpusScore,
  options?: { threshold?: number; minPositives?: number },
): string[];
export declare function formatReport(score: CorpusScore): string;

export interface ScanFinding {
  rule: string;
  file: string;
  line: number;
  column: number;
  message: string;
  source: string;
}
export interface Scan {
  preset: string;
  files: number;
  lines: number;
  ruleIds: string[];
  findings: ScanFinding[];
  fatal: { file: string; line: number; message: string }[];
}
export declare function listScanFiles(dirs: string[]): string[];
export declare function scanProject(options: {
  dirs: string[];
  plugin: { rules?: Record<string, unknown>; configs?: Record<string, { rules?: Record<string, unknown> }> };
  preset?: string;
  namespace?: string;
}): Promise<Scan>;
export declare function formatScan(scan: Scan, options?: { list?: boolean; cwd?: string }): string;
