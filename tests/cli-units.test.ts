// Pieces of the prodguard command that are plain functions: .gitignore translation and the
// summary. The command as a whole is tested through its binary in cli.test.ts.
import type { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { gitignoreToPatterns } from '../src/cli/gitignore.js';
import { renderSummary, summarize } from '../src/cli/summary.js';

describe('gitignoreToPatterns', () => {
  it('matches slash-free patterns at any depth and anchors patterns with a slash', () => {
    expect(gitignoreToPatterns('node_modules\n*.log\n/generated\nsrc/gen/\ntmp/\n')).toEqual([
      '**/node_modules',
      '**/*.log',
      'generated',
      'src/gen/',
      '**/tmp/',
    ]);
  });

  it('keeps negations and globstars, drops comments, blanks and trailing spaces', () => {
    expect(gitignoreToPatterns('# comment\n\n  \n!keep.ts\nlogs/**/*.txt   \n**/cache\n')).toEqual([
      '!**/keep.ts',
      'logs/**/*.txt',
      '**/cache',
    ]);
  });

  it('reads escaped leading # and ! and escaped trailing spaces literally', () => {
    expect(gitignoreToPatterns('\\#notes.ts\n\\!bang.ts\nspaced\\ \n')).toEqual(['**/#notes.ts', '**/!bang.ts', '**/spaced ']);
  });

  it('ignores a bare slash and handles CRLF files', () => {
    expect(gitignoreToPatterns('/\r\nout\r\n')).toEqual(['**/out']);
  });
});

function message(ruleId: string | null, severity: 1 | 2, extra: Partial<Linter.LintMessage> = {}): Linter.LintMessage {
  return { ruleId, severity, message: 'm', line: 1, column: 1, ...extra } as Linter.LintMessage;
}

function result(filePath: string, messages: Linter.LintMessage[]): ESLint.LintResult {
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: messages.filter((m) => m.severity === 2).length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

describe('summary', () => {
  const results = [
    result('/repo/src/orders.ts', [
      message('prodguard/no-lost-update', 2),
      message('prodguard/no-lost-update', 2),
      message('prodguard/require-timeout', 2),
      message('prodguard/no-swallowed-errors', 1),
    ]),
    result('/repo/src/users.ts', [message('prodguard/no-check-then-create', 2), message('no-console', 1)]),
    result('/repo/src/broken.ts', [message(null, 2, { fatal: true })]),
    result('/repo/src/clean.ts', []),
  ];

  it('counts findings per rule under the review question each rule answers', () => {
    const summary = summarize(results);
    expect(summary.errorCount).toBe(5);
    expect(summary.warningCount).toBe(2);
    expect(summary.filesChecked).toBe(4);
    expect(summary.filesWithProblems).toBe(3);
    expect(summary.unparsedFiles).toBe(1);
    expect(summary.busiestFile).toEqual({ filePath: '/repo/src/orders.ts', count: 4 });
    expect(Object.fromEntries([...summary.groups].map(([group, counts]) => [group, Object.fromEntries(counts)]))).toEqual({
      'Runs twice at the same time': { 'prodguard/no-lost-update': 2, 'prodguard/no-check-then-create': 1 },
      'External service is down': { 'prodguard/require-timeout': 1 },
      'Connection drops mid-operation': {},
      'Valid but contradictory input': {},
      'Hardcoded values': {},
      'Error paths': { 'prodguard/no-swallowed-errors': 1 },
      'Other rules': { 'no-console': 1 },
    });
  });

  it('renders the groups in review order, rules by count, and the busiest file relative to cwd', () => {
    expect(renderSummary(summarize(results), { cwd: '/repo' }).split('\n')).toEqual([
      'prodguard: 7 problems (5 errors, 2 warnings) in 3 of 4 files',
      '',
      'Runs twice at the same time',
      '  prodguard/no-lost-update           2',
      '  prodguard/no-check-then-create     1',
      'External service is down',
      '  prodguard/require-timeout          1',
      'Connection drops mid-operation    none',
      'Valid but contradictory input     none',
      'Hardcoded values                  none',
      'Error paths',
      '  prodguard/no-swallowed-errors      1',
      'Other rules',
      '  no-console                         1',
      'Could not be parsed               1 file',
      '',
      'Most findings: src/orders.ts (4)',
      '',
    ]);
  });

  it('says so in one line when there is nothing to report', () => {
    expect(renderSummary(summarize([result('/repo/a.ts', [])]), { cwd: '/repo' })).toBe(
      'prodguard: no problems found in 1 file.\n',
    );
  });
});
