// One ESLint flat config for the whole monorepo (HOUSE-STYLE rule 9).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/generated/**', 'web/.nuxt/**', 'web/.output/**', 'web/app/gql/**', '.data/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    files: ['**/*.ts', '**/*.mts'],
    ignores: ['web/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Repositories are the only code that touches Prisma (ARCHITECTURE rule 4).
    files: ['subgraphs/**/*.ts', 'workers/**/*.ts', 'router/**/*.ts'],
    // Composition roots (main.ts) create the client and hand it to repositories.
    ignores: ['**/*.repository.ts', '**/*.test.ts', '**/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@solace/server-kit', importNames: ['PrismaClient', 'createPrismaClient', 'PrismaTypes'], message: 'Only repositories touch Prisma.' }] },
      ],
    },
  },
  {
    // Prisma batches findUnique calls made in the same tick, across requests, into one query that
    // runs in the first caller's row-level-security scope; another practice's request would then
    // find nothing. findFirst is never batched (server-kit db/tenant-pool.ts).
    files: ['subgraphs/**/*.ts', 'workers/**/*.ts', 'packages/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^findUnique(OrThrow)?$/]", message: 'Use findFirst: findUnique is batched across requests and their RLS scopes.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only']", message: 'No .only in tests.' }] },
  },
);
