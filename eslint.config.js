// Lint rules, including the architecture rule: src/domain imports nothing else of ours (HOUSE_STYLE 1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outerLayers = ['**/ingest/**', '**/storage/**', '**/search/**', '**/http/**', '**/web/**', '**/cli/**', '**/app.ts'];

export default tseslint.config(
  { ignores: ['node_modules/', 'var/', 'bench/out/', 'data/', 'bin/', 'scripts/*.mjs', 'src/**/*.mjs', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: outerLayers, message: 'src/domain is the pure core: it imports nothing else of ours.' }] },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts', 'src/ingest/**/*.ts', 'src/search/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/http/**', '**/web/**', '**/cli/**', '**/app.ts'], message: 'Inner layers never import the faces.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.contract*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] }],
    },
  },
);
