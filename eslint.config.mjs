// Lint for the TypeScript sources, tests and scripts (`npm run lint`, part of `npm test`). The import-cycle
// check over src/ is madge, run by the same npm script.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_IO = ['fs', 'fs/promises', 'child_process', 'worker_threads', 'net'].flatMap((m) => [m, `node:${m}`]);
const noVscode = { name: 'vscode', message: 'Only src/vscode and src/extension.ts talk to the editor.' };
const noNodeIo = (name) => ({ name, message: 'src/core does no I/O: put it in src/cli or src/vscode, or behind an interface the core defines.' });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // The code marks indexed reads (`toks[i]!`) as if noUncheckedIndexedAccess were on, on purpose: the
      // marks say "checked by the loop bound" and stay right if that option is turned on. The rule calls
      // all ~800 of them unnecessary under today's tsconfig.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // An async function without await is how this code hands a Promise-returning API (a queue, a mocked
      // window method) plain work; no-floating-promises and no-misused-promises catch the real mistakes.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a value left out on purpose (a rest-destructure that drops a field).
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests read the CLI's JSON output and assert its shape field by field; a cast to a type would claim
    // the very shape the assertions are there to check.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Tests assert that terminal escapes and control characters are absent: matching them is the point.
      'no-control-regex': 'off',
      // Tests match text as written, two-space Markdown line breaks and YAML indentation included.
      'no-regex-spaces': 'off',
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, ...NODE_IO.map(noNodeIo)] }] },
  },
);
