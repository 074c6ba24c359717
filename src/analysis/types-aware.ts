/**
 * Types, when present. With `parserOptions.projectService` (or `project`), a
 * receiver the syntax cannot place (an injected service, a client passed through
 * several modules) is classified by the package its type is declared in:
 * `@prisma/client`, `drizzle-orm`, `typeorm`, … Types only add knowledge for
 * receivers the syntactic pass left unresolved; they never change a verdict it
 * reached, and every rule works without them.
 *
 * `typescript` is never imported at run time: the checker comes from the parser.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { layerOfPackage } from './catalog.js';
import type { DbLayer } from './settings.js';

/** The few checker members used here, typed loosely so this file does not load `typescript`. */
interface TsSymbol {
  getName(): string;
  declarations?: { getSourceFile(): { fileName: string } }[];
}
interface TsType {
  getSymbol(): TsSymbol | undefined;
  aliasSymbol?: TsSymbol;
  isUnion?(): boolean;
  types?: TsType[];
}
interface TsChecker {
  getTypeAtLocation(node: unknown): TsType;
  getBaseTypes?(type: TsType): TsType[];
  getNonNullableType(type: TsType): TsType;
}

export interface TypeFacts {
  layer: DbLayer;
  /** The declared name of the type: `PrismaClient`, `Repository`, `Model`. */
  typeName: string;
}

/** Returns a lookup from ESTree nodes to the data layer their type belongs to, or null without type information. */
export function createTypeLookup(sourceCode: TSESLint.SourceCode): ((node: TSESTree.Node) => TypeFacts | null) | null {
  const services = sourceCode.parserServices as
    | { program?: { getTypeChecker(): TsChecker } | null; esTreeNodeToTSNodeMap?: { get(node: TSESTree.Node): unknown } }
    | undefined;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return null;
  const checker = program.getTypeChecker();
  const cache = new WeakMap<TSESTree.Node, TypeFacts | null>();
  return (node) => {
    if (cache.has(node)) return cache.get(node) ?? null;
    let facts: TypeFacts | null = null;
    try {
      const tsNode = map.get(node);
      if (tsNode) facts = factsOf(checker, checker.getNonNullableType(checker.getTypeAtLocation(tsNode)), 0);
    } catch {
      facts = null;
    }
    cache.set(node, facts);
    return facts;
  };
}

function factsOf(checker: TsChecker, type: TsType, depth: number): TypeFacts | null {
  if (depth > 3) return null;
  for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName;
    if (!symbol || !file) continue;
    const pkg = packageOf(file);
    const layer = pkg ? layerOfPackage(pkg) : undefined;
    if (layer) return { layer, typeName: symbol.getName() };
  }
  // `class PrismaService extends PrismaClient`: the base type tells.
  for (const base of checker.getBaseTypes?.(type) ?? []) {
    const facts = factsOf(checker, base, depth + 1);
    if (facts) return facts;
  }
  return null;
}

/** `/x/node_modules/@prisma/client/index.d.ts` → `@prisma/client`; `.prisma/client` (the generated client) → `@prisma/client`. */
function packageOf(fileName: string): string | undefined {
  const at = fileName.lastIndexOf('/node_modules/');
  if (at < 0) return /\/generated\/prisma\//.test(fileName) ? '@prisma/client' : undefined;
  const rest = fileName.slice(at + '/node_modules/'.length);
  const parts = rest.split('/');
  if (parts[0] === '.prisma') return '@prisma/client';
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}
