// The bench's generated corpora: deterministic, and made of the kinds of files the docs say.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { generateCorpus } from '../bench/generate.js';

const tmp = path.resolve(import.meta.dirname, '../.tmp/generate-test');

/** Every file under `dir` (relative path → text), without the generator's stamp. */
function read(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '.generated.json') continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), readFileSync(file, 'utf8'));
  }
  return files;
}

/** The kind of a generated file, from its path: `prisma/routes/user-3.routes.ts` is `routes`. */
function kindOf(file: string): string {
  const folder = file.split(path.sep).at(-2) ?? '';
  if (folder === 'lib') return path.basename(file).replace(/-\d+\.ts$/, '');
  return folder;
}

const EFFECT_FOLDERS = new Set(['routes', 'services', 'repositories', 'jobs']);

describe('generated bench corpus', () => {
  it('is the same, byte for byte, for the same seed and mix', () => {
    generateCorpus(path.join(tmp, 'a'), { files: 300, seed: 11 });
    generateCorpus(path.join(tmp, 'b'), { files: 300, seed: 11 });
    const a = read(path.join(tmp, 'a'));
    expect(a.size).toBe(300);
    expect(read(path.join(tmp, 'b'))).toEqual(a);
  });

  it('mixes queries with the code around them in the real mix', () => {
    generateCorpus(path.join(tmp, 'real'), { files: 600, seed: 12, mix: 'real' });
    const kinds = [...read(path.join(tmp, 'real')).keys()].map(kindOf);
    for (const kind of ['routes', 'services', 'repositories', 'jobs', 'entities', 'dto', 'presenters', 'policies', '__tests__', 'config', 'middleware', 'errors', 'util']) {
      expect(kinds, kind).toContain(kind);
    }
    const effects = kinds.filter((k) => EFFECT_FOLDERS.has(k)).length / kinds.length;
    expect(effects).toBeGreaterThan(0.08);
    expect(effects).toBeLessThan(0.25);
  });

  it('is nearly all handlers, services, repositories and jobs in the dense mix', () => {
    generateCorpus(path.join(tmp, 'dense'), { files: 300, seed: 12, mix: 'dense' });
    const kinds = [...read(path.join(tmp, 'dense')).keys()].map(kindOf);
    expect(kinds.filter((k) => EFFECT_FOLDERS.has(k)).length / kinds.length).toBeGreaterThan(0.7);
    expect(kinds.filter((k) => !EFFECT_FOLDERS.has(k) && k !== 'util')).toEqual([]);
  });

  it('names the option when the mix is unknown', () => {
    expect(() => generateCorpus(path.join(tmp, 'bad'), { files: 1, mix: 'sparse' as never })).toThrow(/unknown corpus mix "sparse"/);
  });
});
