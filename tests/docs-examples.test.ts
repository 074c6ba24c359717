/**
 * The docs are tested like the rules: every code block under a "❌ Incorrect"
 * heading of a rule's page must make that rule report, and every block under
 * "✅ Correct" must leave it silent. A page whose examples drift from the rule
 * fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../src/index.js';

const docsDir = path.resolve(import.meta.dirname, '../docs/rules');

interface Block {
  rule: string;
  kind: 'incorrect' | 'correct';
  code: string;
  line: number;
  lang: string;
}

function blocksOf(rule: string, text: string): Block[] {
  const blocks: Block[] = [];
  let kind: Block['kind'] | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heading = /^#{2,4}\s+(.*)$/.exec(line);
    if (heading) {
      const title = heading[1];
      kind = title.includes('❌') ? 'incorrect' : title.includes('✅') ? 'correct' : /^#{2}\s/.test(line) ? null : kind;
      continue;
    }
    const fence = /^```(\w+)?\s*(.*)$/.exec(line);
    if (!fence || kind === null) continue;
    const lang = fence[1] ?? '';
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    if (['ts', 'tsx', 'js', 'typescript', 'javascript'].includes(lang) && !fence[2].includes('skip')) {
      blocks.push({ rule, kind, code: lines.slice(start, end).join('\n'), line: start, lang });
    }
    i = end;
  }
  return blocks;
}

const blocks: Block[] = readdirSync(docsDir)
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => blocksOf(f.replace(/\.md$/, ''), readFileSync(path.join(docsDir, f), 'utf8')));

function lint(block: Block): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const tsx = block.lang === 'tsx';
  return linter.verify(
    block.code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: tsx } } },
        plugins: { prodguard: plugin as never },
        rules: { [`prodguard/${block.rule}`]: 'error' },
      },
    ],
    { filename: tsx ? 'src/example.tsx' : 'src/example.ts' },
  );
}

describe('docs examples', () => {
  it('every rule page has incorrect and correct examples', () => {
    for (const rule of Object.keys(plugin.rules ?? {})) {
      const kinds = new Set(blocks.filter((b) => b.rule === rule).map((b) => b.kind));
      expect([rule, [...kinds].sort()]).toEqual([rule, ['correct', 'incorrect']]);
    }
  });

  it.each(blocks.map((b) => [`${b.rule}.md:${b.line} (${b.kind})`, b] as const))('%s', (_name, block) => {
    const messages = lint(block);
    expect(messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
    const own = messages.filter((m) => m.ruleId === `prodguard/${block.rule}`);
    if (block.kind === 'incorrect') expect(own.length).toBeGreaterThan(0);
    else expect(own.map((m) => `${m.line}: ${m.message}`)).toEqual([]);
  });
});
