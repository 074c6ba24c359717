import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { ESLint } from 'eslint';

import { PLUGIN_VERSION, REPOSITORY_URL } from '../meta.js';

const require = createRequire(import.meta.url);
const sarifFormatter = require('@microsoft/eslint-formatter-sarif') as (
  results: ESLint.LintResult[],
  data: { rulesMeta: ESLint.LintResultData['rulesMeta'] },
) => string;

const SRCROOT = '%SRCROOT%';

interface ArtifactLocation {
  uri?: string;
  uriBaseId?: string;
  index?: number;
}
interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; version?: string; informationUri?: string; rules?: Array<{ helpUri?: string }> } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    artifacts?: Array<{ location?: ArtifactLocation }>;
    results?: Array<{ locations?: Array<{ physicalLocation?: { artifactLocation?: ArtifactLocation } }> }>;
    invocations?: Array<{
      toolConfigurationNotifications?: Array<{ locations?: Array<{ physicalLocation?: { artifactLocation?: ArtifactLocation } }> }>;
    }>;
  }>;
}

/**
 * SARIF 2.1.0 through Microsoft's maintained ESLint formatter, then made portable: the tool
 * is named prodguard, and file locations are relative to `%SRCROOT%` (the lint run's working
 * directory) so code scanning maps them onto the repository whatever the runner's checkout path.
 */
export function formatSarif(
  results: ESLint.LintResult[],
  rulesMeta: ESLint.LintResultData['rulesMeta'],
  cwd: string,
): string {
  const log = JSON.parse(sarifFormatter(results, { rulesMeta })) as SarifLog;
  const root = cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`;
  for (const run of log.runs) {
    run.tool.driver.name = 'prodguard';
    run.tool.driver.version = PLUGIN_VERSION;
    run.tool.driver.informationUri = REPOSITORY_URL;
    for (const rule of run.tool.driver.rules ?? []) {
      // The formatter fills in prose for rules without docs; SARIF wants a URI or nothing.
      if (rule.helpUri !== undefined && !/^https?:\/\//.test(rule.helpUri)) delete rule.helpUri;
    }
    run.originalUriBaseIds = { [SRCROOT]: { uri: pathToFileURL(root).href } };
    const locations = [
      ...(run.artifacts ?? []).map((artifact) => artifact.location),
      ...(run.results ?? []).flatMap((result) => result.locations ?? []).map((l) => l.physicalLocation?.artifactLocation),
      ...(run.invocations ?? [])
        .flatMap((invocation) => invocation.toolConfigurationNotifications ?? [])
        .flatMap((notification) => notification.locations ?? [])
        .map((l) => l.physicalLocation?.artifactLocation),
    ];
    for (const location of locations) relativize(location, root);
  }
  return `${JSON.stringify(log, null, 2)}\n`;
}

function relativize(location: ArtifactLocation | undefined, root: string): void {
  if (!location?.uri?.startsWith('file:')) return;
  const filePath = fileURLToPath(location.uri);
  if (!filePath.startsWith(root)) return;
  location.uri = path
    .relative(root, filePath)
    .split(path.sep)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  location.uriBaseId = SRCROOT;
}
