import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../package.json') as { name: string; version: string };

export const PLUGIN_NAME = pkg.name;
export const PLUGIN_VERSION = pkg.version;
/** The key users register the plugin under, and the prefix of every rule ID. */
export const NAMESPACE = 'prodguard';
export const REPOSITORY_URL = 'https://github.com/prodguard/eslint-plugin-prodguard';
