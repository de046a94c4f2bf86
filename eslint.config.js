// One lint setup for every workspace: typescript-eslint's type-aware rules on a strict base.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noSequelize = { name: 'sequelize', message: 'Query through the repositories of @absensi/db.' };
const noSequelizeParts = { group: ['sequelize/*'], message: 'Query through the repositories of @absensi/db.' };

/** What packages/core may not import: it knows no transport and no process wiring. */
export const coreRestrictedImports = {
  paths: [
    noSequelize,
    { name: 'fastify', message: 'The core knows no HTTP server.' },
    { name: 'ioredis', message: 'The core takes caches and feeds as interfaces; @absensi/runtime connects them.' },
    { name: 'bee-queue', message: 'Queues live in @absensi/jobs.' },
    { name: 'ws', message: 'The core knows no WebSocket.' },
    { name: '@absensi/api', message: 'The core is below the contract.' },
    { name: '@absensi/runtime', message: 'The core is below the process wiring.' },
  ],
  patterns: [noSequelizeParts, { group: ['@trpc/*'], message: 'The core knows no tRPC: throw a DomainError instead.' }],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', 'data/**', '**/dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through @absensi/config, the one validated source.' },
      ],
    },
  },
  {
    // Only packages/db speaks SQL (its own config lifts this): everything else asks its repositories.
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [noSequelize], patterns: [noSequelizeParts] }] },
  },
  {
    files: ['**/*.test.ts', '**/test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
