// The editor path: the ESLint language server that VS Code runs (as shipped in
// vscode-langservers-extracted), spoken to over stdio the way an editor does, on a project whose
// eslint.config.js turns on prodguard's recommended preset.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const serverBin = path.join(root, 'node_modules/.bin/vscode-eslint-language-server');

// A project of its own in the system temp directory, with node_modules links to this package
// (built) and to the ESLint and parser it is tested with, as an install would leave them.
const ESLINT_CONFIG = `import tsParser from '@typescript-eslint/parser';
import prodguard from 'eslint-plugin-prodguard';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  prodguard.configs.recommended,
];
`;

// The article's example, as it would sit in a service file.
const SYNC_CANDIDATE = `import { db } from './db';
import { externalApi } from './external-api';
import type { Candidate } from './types';

export async function syncCandidate(candidateId: string, updates: Partial<Candidate>) {
  const existing = await db.candidates.findUnique({ where: { id: candidateId } });
  const merged = { ...existing, ...updates, updatedAt: new Date() };
  await db.candidates.update({ where: { id: candidateId }, data: merged });
  await externalApi.updateCandidate(candidateId, merged);
  return merged;
}
`;

// The same function fixed: validated input, only the changed fields written (no read to go
// stale), and the external update queued in the same transaction instead of called after it.
const SYNC_CANDIDATE_FIXED = `import { z } from 'zod';

import { db } from './db';

const syncCandidateSchema = z.object({
  candidateId: z.string().uuid(),
  updates: z.object({
    name: z.string().optional(),
    email: z.string().email().optional(),
    status: z.enum(['active', 'passive', 'hired']).optional(),
  }),
});

export async function syncCandidate(input: unknown) {
  const { candidateId, updates } = syncCandidateSchema.parse(input);
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidates.update({ where: { id: candidateId }, data: { ...updates, updatedAt: new Date() } });
    await tx.outbox.create({ data: { topic: 'candidate.updated', payload: { candidateId, ...updates } } });
    return candidate;
  });
}
`;

const BROKEN = `export async function half(id: string {
  const row = await db.rows.findUnique({ where: { id } });
`;

interface Position {
  line: number;
  character: number;
}
interface Diagnostic {
  message: string;
  severity: number;
  source: string;
  code?: string;
  codeDescription?: { href: string };
  range: { start: Position; end: Position };
}

/** What VS Code's ESLint extension answers when the server asks for its settings. */
function editorSettings(workspace: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: path.basename(workspace), uri: pathToFileURL(workspace).href },
  };
}

/** A minimal LSP client: JSON-RPC with Content-Length framing over the server's stdio. */
class LanguageClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly log: string[] = [];

  constructor(private readonly workspace: string) {
    this.server = spawn(process.execPath, [serverBin, '--stdio'], { cwd: workspace });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    this.server.on('exit', (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`server exited with ${code}\n${this.log.join('\n')}`));
      this.pending.clear();
    });
  }

  request<T>(method: string, params: unknown, timeoutMs = 30_000): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.log.join('\n')}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    expect(report.kind).toBe('full');
    return report.items;
  }

  async close(): Promise<void> {
    if (this.server.exitCode !== null) return;
    const exited = new Promise((resolve) => this.server.once('exit', resolve));
    await this.request('shutdown', null, 5_000).catch(() => undefined);
    this.notify('exit', null);
    const timer = setTimeout(() => this.server.kill(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.server.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: { items?: unknown[]; message?: string };
        result?: unknown;
        error?: { message: string };
      };
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: {
    id?: number;
    method?: string;
    params?: { items?: unknown[]; message?: string };
    result?: unknown;
    error?: { message: string };
  }): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server: settings, capability registration, refresh.
      const result =
        message.method === 'workspace/configuration'
          ? (message.params?.items ?? []).map(() => editorSettings(this.workspace))
          : null;
      this.send({ id: message.id, result });
      return;
    }
    if (message.method !== undefined) {
      if (message.params?.message) this.log.push(`${message.method}: ${message.params.message}`);
      return;
    }
    const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(`${message.error.message}\n${this.log.join('\n')}`));
    else waiter.resolve(message.result);
  }
}

/** ESLint's own findings for the same text and config, as the editor should show them. */
async function eslintFindings(workspace: string, filePath: string, text: string) {
  const eslint = new ESLint({ cwd: workspace });
  const [result] = await eslint.lintText(text, { filePath });
  return result.messages.map((m) => ({
    code: m.ruleId,
    range: {
      start: { line: m.line - 1, character: m.column - 1 },
      end: { line: (m.endLine ?? m.line) - 1, character: (m.endColumn ?? m.column) - 1 },
    },
  }));
}

describe('ESLint language server with prodguard.configs.recommended', () => {
  let workspace: string;
  let client: LanguageClient;
  let candidatesUri: string;

  beforeAll(async () => {
    workspace = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'prodguard-lsp-')));
    writeFileSync(path.join(workspace, 'package.json'), '{ "name": "editor-fixture", "private": true, "type": "module" }\n');
    writeFileSync(path.join(workspace, 'eslint.config.js'), ESLINT_CONFIG);
    mkdirSync(path.join(workspace, 'node_modules/@typescript-eslint'), { recursive: true });
    symlinkSync(root, path.join(workspace, 'node_modules/eslint-plugin-prodguard'), 'dir');
    symlinkSync(path.join(root, 'node_modules/eslint'), path.join(workspace, 'node_modules/eslint'), 'dir');
    const parser = path.join(root, 'node_modules/@typescript-eslint/parser');
    symlinkSync(parser, path.join(workspace, 'node_modules/@typescript-eslint/parser'), 'dir');
    mkdirSync(path.join(workspace, 'src'));
    writeFileSync(path.join(workspace, 'src/candidates.ts'), SYNC_CANDIDATE);
    candidatesUri = pathToFileURL(path.join(workspace, 'src/candidates.ts')).href;

    client = new LanguageClient(workspace);
    const init = await client.request<{ capabilities: { diagnosticProvider?: object; textDocumentSync?: object } }>(
      'initialize',
      {
        processId: process.pid,
        rootUri: pathToFileURL(workspace).href,
        workspaceFolders: [{ name: path.basename(workspace), uri: pathToFileURL(workspace).href }],
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true },
          textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { didSave: true } },
        },
      },
    );
    expect(init.capabilities.diagnosticProvider).toBeDefined();
    client.notify('initialized', {});
  });

  afterAll(async () => {
    await client?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it("squiggles the article's syncCandidate: the lost update and the unguarded external call", async () => {
    client.notify('textDocument/didOpen', {
      textDocument: { uri: candidatesUri, languageId: 'typescript', version: 1, text: SYNC_CANDIDATE },
    });
    const diagnostics = await client.diagnostics(candidatesUri);

    // Line 8: `  await db.candidates.update({ where: { id: candidateId }, data: merged });`
    // the squiggle covers the update call, from `db` to its closing parenthesis.
    const lostUpdate = diagnostics.filter((d) => d.code === 'prodguard/no-lost-update');
    expect(lostUpdate).toHaveLength(1);
    expect(lostUpdate[0]).toMatchObject({
      source: 'eslint',
      severity: 1,
      range: { start: { line: 7, character: 8 }, end: { line: 7, character: 74 } },
      codeDescription: { href: expect.stringMatching(/\/docs\/rules\/no-lost-update\.md$/) },
    });
    expect(lostUpdate[0].message).toMatch(
      /^`db\.candidates\.update` writes back values computed from `db\.candidates\.findUnique`\. Two concurrent requests/,
    );

    // Line 9: `  await externalApi.updateCandidate(candidateId, merged);` runs after the update has
    // committed, and nothing handles it failing: the squiggle covers the external call.
    const dualWrite = diagnostics.filter((d) => d.code === 'prodguard/no-unguarded-dual-write');
    expect(dualWrite).toHaveLength(1);
    expect(dualWrite[0].range).toEqual({ start: { line: 8, character: 8 }, end: { line: 8, character: 56 } });
    expect(dualWrite[0].message).toMatch(/^`db\.candidates\.update` is committed before `externalApi\.updateCandidate`/);

    // Everything else the editor shows is exactly what ESLint itself reports for this text.
    const fromEditor = diagnostics.map((d) => ({ code: d.code, range: d.range }));
    const expected = await eslintFindings(workspace, path.join(workspace, 'src/candidates.ts'), SYNC_CANDIDATE);
    expect(fromEditor).toEqual(expected);
    for (const d of diagnostics) expect(d.code).toMatch(/^prodguard\//);
  });

  it('clears the squiggles once the document is edited into the fixed form', async () => {
    client.notify('textDocument/didChange', {
      textDocument: { uri: candidatesUri, version: 2 },
      contentChanges: [{ text: SYNC_CANDIDATE_FIXED }],
    });
    expect(await client.diagnostics(candidatesUri)).toEqual([]);
  });

  it('keeps answering after opening a file with a syntax error', async () => {
    const brokenUri = pathToFileURL(path.join(workspace, 'src/half-written.ts')).href;
    client.notify('textDocument/didOpen', {
      textDocument: { uri: brokenUri, languageId: 'typescript', version: 1, text: BROKEN },
    });
    const broken = await client.diagnostics(brokenUri);
    expect(broken).toHaveLength(1);
    expect(broken[0].code).toBeUndefined();
    // The parameter list is missing its `)`: TypeScript expects a `,` right after `id: string`.
    expect(broken[0].message).toBe("Parsing error: ',' expected.");
    expect(broken[0].range.start).toEqual({ line: 0, character: 37 });

    // The other document is still linted, both ways.
    expect(await client.diagnostics(candidatesUri)).toEqual([]);
    client.notify('textDocument/didChange', {
      textDocument: { uri: candidatesUri, version: 3 },
      contentChanges: [{ text: SYNC_CANDIDATE }],
    });
    const again = await client.diagnostics(candidatesUri);
    expect(again.map((d) => d.code)).toContain('prodguard/no-lost-update');

    // And the broken file recovers once it is completed.
    client.notify('textDocument/didChange', {
      textDocument: { uri: brokenUri, version: 2 },
      contentChanges: [{ text: BROKEN.replace('id: string {', 'id: string) {') + '  return row;\n}\n' }],
    });
    const healed = await client.diagnostics(brokenUri);
    expect(healed.filter((d) => d.message.startsWith('Parsing error'))).toEqual([]);
    // The file on disk was never touched: the server lints the editor's buffer.
    expect(readFileSync(path.join(workspace, 'src/candidates.ts'), 'utf8')).toBe(SYNC_CANDIDATE);
  });
});
