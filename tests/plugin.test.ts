import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { PRESET_LEVELS } from '../src/configs/index.js';
import plugin from '../src/index.js';
import { docsUrl } from '../src/util/create-rule.js';

const root = path.resolve(import.meta.dirname, '..');
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('plugin object', () => {
  it('exports every rule file under its file name', () => {
    expect(Object.keys(plugin.rules ?? {}).sort()).toEqual(ruleFiles.sort());
  });

  it('has meta with name, version and namespace', () => {
    expect(plugin.meta.name).toBe('eslint-plugin-prodguard');
    expect(plugin.meta.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(plugin.meta.namespace).toBe('prodguard');
  });

  it.each(ruleFiles)('%s has docs, a description in house style, a docs URL and a docs page', (id) => {
    const rule = plugin.rules?.[id] as unknown as {
      meta: { docs: { description: string; url: string; category: string }; messages: object; schema: unknown };
    };
    expect(rule.meta.docs.description).toMatch(/^(Disallow|Require|Enforce) [^.]*[^.]$/);
    expect(rule.meta.docs.url).toBe(docsUrl(id));
    expect(rule.meta.docs.category).toBeTruthy();
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(rule.meta.schema).toBeDefined();
    expect(existsSync(path.join(root, 'docs/rules', `${id}.md`))).toBe(true);
  });

  it('the reviewable preset list agrees with every rule\'s meta.docs.recommended', () => {
    const fromMeta = Object.fromEntries(
      ruleFiles.map((id) => [id, (plugin.rules?.[id] as unknown as { meta: { docs: { recommended: string } } }).meta.docs.recommended]),
    );
    expect(fromMeta).toEqual({ ...PRESET_LEVELS });
  });

  it('presets nest: recommended within strict within all', () => {
    const rec = Object.keys(plugin.configs.recommended.rules ?? {});
    const strict = Object.keys(plugin.configs.strict.rules ?? {});
    const all = Object.keys(plugin.configs.all.rules ?? {});
    expect(all).toHaveLength(ruleFiles.length);
    for (const id of rec) expect(strict).toContain(id);
    for (const id of strict) expect(all).toContain(id);
    expect(rec.length).toBeGreaterThan(0);
    expect(rec.length).toBeLessThan(all.length);
  });
});
