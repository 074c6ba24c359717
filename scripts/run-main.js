// Runs a script's `main` when the script is the process's entry point, and not when a test or
// another script imports it for its helpers. A number `main` resolves to becomes the exit code;
// an error prints its stack and exits with 2.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** @param {string} moduleUrl the calling module's `import.meta.url` */
export function runIfMain(moduleUrl, main) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  main(process.argv.slice(2)).then(
    (code) => {
      if (typeof code === 'number') process.exit(code);
    },
    (error) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exit(2);
    },
  );
}
