#!/usr/bin/env node
// The `prodguard` command: lints a codebase with the plugin's presets through ESLint's Node API.
import { run } from '../dist/cli/main.js';

// A reader that stops early (`prodguard | head`) is not a crash.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await run(process.argv.slice(2));
