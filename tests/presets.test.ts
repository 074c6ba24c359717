/**
 * The presets as a project uses them: a real `eslint.config.mjs` in a temporary
 * directory that imports `eslint-plugin-prodguard` by name (resolved through the
 * package's own exports to the built dist/), loaded by ESLint's Node API.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '..');
// Not under .tmp/: nothing between it and the package root may hold a package.json.
const dir = path.join(root, '.tmp-presets');
const article = readFileSync(path.join(root, 'tests/fixtures/article/sync-candidate.ts'), 'utf8');

function writeProject(config: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // No package.json of its own: the nearest one is this package's, so the config's
  // `import … from 'eslint-plugin-prodguard'` resolves through the package's self-reference.
  writeFileSync(path.join(dir, 'eslint.config.mjs'), config);
}

async function ruleIds(code: string, file = 'service.ts'): Promise<string[]> {
  const eslint = new ESLint({ cwd: dir });
  const [result] = await eslint.lintText(code, { filePath: path.join(dir, file) });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return [...new Set(result.messages.map((m) => m.ruleId ?? ''))].sort();
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('presets in a real eslint.config.js', () => {
  it('recommended reports the article\'s syncCandidate', async () => {
    writeProject(`import tseslint from 'typescript-eslint';
import prodguard from 'eslint-plugin-prodguard';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  prodguard.configs.recommended,
];
`);
    const ids = await ruleIds(article);
    expect(ids).toContain('prodguard/no-lost-update');
    expect(ids).toContain('prodguard/no-unguarded-dual-write');
  });

  it('names its config objects and exposes the plugin meta', async () => {
    const { default: plugin } = (await import(path.join(root, 'dist/index.js'))) as {
      default: { meta: { name: string; namespace: string }; configs: Record<string, { name: string; rules: Record<string, string> }> };
    };
    expect(plugin.meta.name).toBe('eslint-plugin-prodguard');
    expect(plugin.configs.recommended.name).toBe('prodguard/recommended');
    expect(plugin.configs.strict.name).toBe('prodguard/strict');
    expect(plugin.configs.all.name).toBe('prodguard/all');
    expect(Object.keys(plugin.configs.all.rules)).toHaveLength(16);
  });

  it('strict adds the rules recommended leaves out', async () => {
    writeProject(`import tseslint from 'typescript-eslint';
import prodguard from 'eslint-plugin-prodguard';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  prodguard.configs.strict,
];
`);
    const code = `
let token: string | undefined;
export async function getToken() {
  if (!token) {
    const res = await fetch('https://auth.acme.io/token', { signal: AbortSignal.timeout(5000) });
    token = (await res.json()).token;
  }
  return token;
}`;
    expect(await ruleIds(code)).toEqual(['prodguard/no-shared-state-race']);
  });

  it('a rule can be turned off after the preset, as with any ESLint rule', async () => {
    writeProject(`import tseslint from 'typescript-eslint';
import prodguard from 'eslint-plugin-prodguard';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  prodguard.configs.recommended,
  { rules: { 'prodguard/no-lost-update': 'off' } },
];
`);
    expect(await ruleIds(article)).not.toContain('prodguard/no-lost-update');
  });

  it('settings.prodguard teaches it a client it cannot recognise by itself', async () => {
    const code = `
import { store } from './store';
export async function bump(id: string) {
  const row = await store.counters.findUnique({ where: { id } });
  await store.counters.update({ where: { id }, data: { n: row.n + 1 } });
}`;
    writeProject(`import tseslint from 'typescript-eslint';
import prodguard from 'eslint-plugin-prodguard';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  prodguard.configs.recommended,
];
`);
    expect(await ruleIds(code)).toEqual([]);
    writeProject(`import tseslint from 'typescript-eslint';
import prodguard from 'eslint-plugin-prodguard';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  prodguard.configs.recommended,
  { settings: { prodguard: { clients: { store: 'prisma' } } } },
];
`);
    expect(await ruleIds(code)).toEqual(['prodguard/no-lost-update']);
  });

  it('a malformed setting fails with a message that names the key', async () => {
    writeProject(`import tseslint from 'typescript-eslint';
import prodguard from 'eslint-plugin-prodguard';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  prodguard.configs.recommended,
  { settings: { prodguard: { locks: 'withLock' } } },
];
`);
    await expect(ruleIds('export const a = 1;')).rejects.toThrow(/settings\.prodguard\.locks: expected an array/);
  });
});
