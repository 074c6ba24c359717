/**
 * With type information, a receiver the syntax cannot place is classified by
 * the package its type is declared in; without it, the same code stays silent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../../src/index.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/typed');
const file = path.join(dir, 'service.ts');
const code = readFileSync(file, 'utf8');

function lint(typed: boolean): string[] {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tsParser,
          parserOptions: typed ? { projectService: true, tsconfigRootDir: dir } : {},
        },
        plugins: { prodguard: plugin as never },
        rules: { 'prodguard/no-lost-update': 'error' },
      },
    ],
    { filename: file },
  );
  return messages.map((m) => `${m.line}:${m.ruleId ?? m.message}`);
}

describe('type-aware classification', () => {
  it('stays silent on clients it cannot place without types', () => {
    expect(lint(false)).toEqual([]);
  });

  it('places a type alias of PrismaClient and a subclass of it by their declarations', () => {
    expect(lint(true)).toEqual(['5:prodguard/no-lost-update', '12:prodguard/no-lost-update']);
  });
});
