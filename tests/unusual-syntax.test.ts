/**
 * No rule may take down a lint run: every rule runs, together, over files with
 * unusual but valid syntax, over code that parses but does not type-check, and
 * over very large and very deeply nested functions. A rule that throws would
 * surface as a fatal message or an exception from `lintText`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../src/index.js';

const fixtures = path.resolve(import.meta.dirname, 'fixtures/unusual');
const allRules = Object.fromEntries(Object.keys(plugin.rules ?? {}).map((id) => [`prodguard/${id}`, 'error' as const]));

function lint(code: string, filename: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js'],
        languageOptions: {
          parser: tsParser,
          parserOptions: { ecmaFeatures: { jsx: filename.endsWith('x') } },
        },
        plugins: { prodguard: plugin as never },
        rules: allRules,
      },
    ],
    { filename },
  );
}

function fatal(messages: Linter.LintMessage[]): Linter.LintMessage[] {
  return messages.filter((m) => m.fatal || m.ruleId === null);
}

describe('every rule on unusual input', () => {
  it.each(readdirSync(fixtures))('lints %s without an exception', (file) => {
    const messages = lint(readFileSync(path.join(fixtures, file), 'utf8'), file);
    expect(fatal(messages)).toEqual([]);
  });

  it('still finds bugs in a file that does not type-check', () => {
    const messages = lint(readFileSync(path.join(fixtures, 'does-not-typecheck.ts'), 'utf8'), 'does-not-typecheck.ts');
    expect(messages.map((m) => m.ruleId)).toContain('prodguard/no-lost-update');
  });

  it('lints a 5,000-line function', () => {
    const lines: string[] = ['import { PrismaClient } from "@prisma/client";', 'const prisma = new PrismaClient();', 'export async function huge(id: string) {'];
    for (let i = 0; i < 5000; i++) {
      if (i % 50 === 0) lines.push(`  const r${i} = await prisma.item.findUnique({ where: { id: id + ${i} } });`);
      else if (i % 50 === 1) lines.push(`  if (r${i - 1}) await prisma.item.update({ where: { id: id + ${i - 1} }, data: { n: { increment: 1 } } });`);
      else lines.push(`  const v${i} = ${i} * 2 + (id.length > ${i % 7} ? 1 : 0);`);
    }
    lines.push('}');
    const messages = lint(lines.join('\n'), 'huge.ts');
    expect(fatal(messages)).toEqual([]);
  });

  it('lints 80 levels of nested callbacks', () => {
    let body = 'await prisma.user.update({ where: { id }, data: { n: u.n + 1 } });';
    for (let i = 0; i < 80; i++) body = `await run(async () => {\n${body}\n});`;
    const code = `const prisma = new PrismaClient();\nexport async function deep(id) {\n const u = await prisma.user.findUnique({ where: { id } });\n${body}\n}`;
    const messages = lint(code, 'deep.ts');
    expect(fatal(messages)).toEqual([]);
  });

  it('reports a malformed setting with a message that names the key', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify(
        'const a = 1;',
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser },
            plugins: { prodguard: plugin as never },
            settings: { prodguard: { clients: { db: 'oracle' } } },
            rules: { 'prodguard/no-lost-update': 'error' },
          },
        ],
        { filename: 'a.ts' },
      ),
    ).toThrow(/settings\.prodguard\.clients\.db/);
  });
});
