import path from 'node:path';

import type { ESLint } from 'eslint';

import { NAMESPACE } from '../meta.js';
import { rules } from '../rules/index.js';
import type { RuleCategory } from '../util/create-rule.js';

/** The review questions, in the order a reviewer asks them. */
export const CATEGORY_ORDER: readonly RuleCategory[] = [
  'Runs twice at the same time',
  'External service is down',
  'Connection drops mid-operation',
  'Valid but contradictory input',
  'Hardcoded values',
  'Error paths',
];
const OTHER = 'Other rules';

export interface Summary {
  errorCount: number;
  warningCount: number;
  filesChecked: number;
  filesWithProblems: number;
  /** Rule ID -> number of findings, grouped by review question (then "Other rules"). */
  groups: Map<string, Map<string, number>>;
  unparsedFiles: number;
  busiestFile: { filePath: string; count: number } | undefined;
}

export function summarize(results: readonly ESLint.LintResult[]): Summary {
  const groups = new Map<string, Map<string, number>>(CATEGORY_ORDER.map((category) => [category, new Map()]));
  let errorCount = 0;
  let warningCount = 0;
  let filesWithProblems = 0;
  let unparsedFiles = 0;
  let busiestFile: Summary['busiestFile'];

  for (const result of results) {
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    let findings = 0;
    for (const message of result.messages) {
      if (message.fatal) {
        unparsedFiles++;
        findings++;
        continue;
      }
      if (!message.ruleId) continue;
      findings++;
      const group = categoryOf(message.ruleId);
      if (!groups.has(group)) groups.set(group, new Map());
      const counts = groups.get(group)!;
      counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
    }
    if (findings > 0) filesWithProblems++;
    if (findings > 0 && (!busiestFile || findings > busiestFile.count)) {
      busiestFile = { filePath: result.filePath, count: findings };
    }
  }
  return {
    errorCount,
    warningCount,
    filesChecked: results.length,
    filesWithProblems,
    groups,
    unparsedFiles,
    busiestFile,
  };
}

function categoryOf(ruleId: string): string {
  const prefix = `${NAMESPACE}/`;
  if (!ruleId.startsWith(prefix)) return OTHER;
  return rules[ruleId.slice(prefix.length)]?.meta.docs?.category ?? OTHER;
}

export interface RenderOptions {
  cwd: string;
  bold?: (text: string) => string;
  dim?: (text: string) => string;
}

export function renderSummary(summary: Summary, { cwd, bold = id, dim = id }: RenderOptions): string {
  const total = summary.errorCount + summary.warningCount;
  const files = plural(summary.filesChecked, 'file');
  if (total === 0) return `${bold('prodguard:')} no problems found in ${files}.\n`;

  const lines: string[] = [
    `${bold('prodguard:')} ${plural(total, 'problem')} (${plural(summary.errorCount, 'error')}, ` +
      `${plural(summary.warningCount, 'warning')}) in ${summary.filesWithProblems} of ${files}`,
    '',
  ];
  const width = Math.max(
    ...[...summary.groups.keys(), 'Could not be parsed'].map((group) => group.length + 2),
    ...[...summary.groups.values()].flatMap((counts) => [...counts.keys()].map((ruleId) => ruleId.length + 4)),
  );
  for (const [group, counts] of summary.groups) {
    if (group === OTHER && counts.size === 0) continue;
    if (counts.size === 0) {
      lines.push(`${bold(group.padEnd(width))}${dim('none')}`);
      continue;
    }
    lines.push(bold(group));
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [ruleId, count] of sorted) lines.push(`  ${ruleId.padEnd(width - 2)}${String(count).padStart(4)}`);
  }
  if (summary.unparsedFiles > 0) {
    lines.push(`${bold('Could not be parsed'.padEnd(width))}${plural(summary.unparsedFiles, 'file')}`);
  }
  if (summary.busiestFile) {
    const relative = path.relative(cwd, summary.busiestFile.filePath) || summary.busiestFile.filePath;
    lines.push('', `Most findings: ${relative} (${summary.busiestFile.count})`);
  }
  return `${lines.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function id(text: string): string {
  return text;
}
