import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

import { getFileAnalysis, type FileAnalysis } from '../../src/analysis/index.js';

/**
 * Runs the shared analysis on `code` inside a real lint pass (so scope analysis
 * is ESLint's own) and hands the file analysis to `inspect`.
 */
export function analyse<T>(code: string, inspect: (analysis: FileAnalysis) => T, settings: Record<string, unknown> = {}): T {
  let result: T | undefined;
  let failure: unknown;
  const probe = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        Program() {
          try {
            result = inspect(getFileAnalysis(context));
          } catch (error) {
            failure = error;
          }
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { probe: { rules: { probe: probe as never } } },
        settings,
        rules: { 'probe/probe': 'error' },
      },
    ],
    { filename: 'file.ts' },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  if (failure) throw failure;
  return result as T;
}

/** One line per effect of every model: `root: index kind layer op target [flags]`. */
export function timeline(analysis: FileAnalysis): string[] {
  const lines: string[] = [];
  for (const model of analysis.models()) {
    const root = model.root;
    const name =
      root.type === 'Program'
        ? '<module>'
        : root.type === 'FunctionDeclaration' && root.id
          ? root.id.name
          : root.parent?.type === 'VariableDeclarator' && root.parent.id.type === 'Identifier'
            ? root.parent.id.name
            : root.parent?.type === 'MethodDefinition' && root.parent.key.type === 'Identifier'
              ? root.parent.key.name
              : '<anonymous>';
    for (const site of model.sites) {
      const e = site.effect;
      const flags: string[] = [];
      if (e.kind === 'db') {
        if (e.locking) flags.push('lock');
        if (e.atomic) flags.push('atomic');
        if (e.conflictSafe) flags.push('conflict-safe');
        if (e.conditional) flags.push('conditional');
        if (e.passesTransaction) flags.push('passes-tx');
        if (e.client.isTransactionClient) flags.push('tx-client');
        if (e.viaHelper) flags.push(`via ${e.viaHelper}`);
      }
      if (site.transaction) flags.push(`in ${site.transaction.kind} tx (${site.transaction.isolation})`);
      if (site.locked) flags.push('locked');
      if (site.tryStatement) flags.push('in try');
      const what = e.kind === 'db' ? `db ${e.layer} ${e.op} ${e.target ?? '?'}` : e.kind === 'external' ? `external ${e.client}` : 'enqueue';
      lines.push(`${name}: ${site.index} ${what}${flags.length > 0 ? ` [${flags.join(', ')}]` : ''}`);
    }
  }
  return lines;
}
