import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Turns the lines of a `.gitignore` into ESLint global-ignore patterns, relative to the
 * directory that holds the file (the lint run's working directory).
 *
 * Git and ESLint's flat-config ignores agree on most things (`**`, a trailing `/` for
 * directories only, `!` to re-include, a pattern naming a directory skips all of it); they
 * differ on where a pattern applies: git matches a slash-free pattern at any depth and a
 * pattern with a slash from the `.gitignore`'s own directory.
 */
export function gitignoreToPatterns(text: string): string[] {
  const patterns: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = trimUnescapedTrailingSpace(rawLine);
    if (line === '' || line.startsWith('#')) continue;

    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    } else if (line.startsWith('\\#') || line.startsWith('\\!')) {
      line = line.slice(1);
    }
    if (line === '' || line === '/') continue;

    const body = line.endsWith('/') ? line.slice(0, -1) : line;
    const anchored = body.includes('/');
    let pattern = anchored ? line.replace(/^\//, '') : `**/${line}`;
    pattern = pattern.replaceAll('\\ ', ' ');
    patterns.push(negated ? `!${pattern}` : pattern);
  }
  return patterns;
}

/** The patterns from `<dir>/.gitignore`, or none when there is no such file. */
export function readGitignore(dir: string): string[] {
  try {
    return gitignoreToPatterns(readFileSync(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    return [];
  }
}

function trimUnescapedTrailingSpace(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t') && line[end - 2] !== '\\') end--;
  return line.slice(0, end);
}
