// The config a project would write: the TypeScript parser and prodguard's recommended preset.
import tseslint from 'typescript-eslint';
import prodguard from 'eslint-plugin-prodguard';

export default [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
  prodguard.configs.recommended,
];
