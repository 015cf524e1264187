import swc from 'unplugin-swc';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// type-graphql needs decorator metadata, which esbuild does not emit: SWC compiles the TypeScript.
const swcPlugin = () =>
  swc.vite({
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
  });

export default defineConfig({
  plugins: [swcPlugin()],
  resolve: {
    // Apollo's packages load graphql's CommonJS build; our code must share that one instance
    // (graphql refuses schemas from "another module or realm"), so Vite may not pick index.mjs.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/per-file-setup.ts'],
    env: { TZ: 'UTC', NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: run files in a couple of forks; integration tests isolate by creating their own practice.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['packages/**/*.test.ts', 'subgraphs/**/*.test.ts', 'router/**/*.test.ts', 'workers/**/*.test.ts', 'scripts/**/*.test.ts', 'prisma/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/browser/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
        },
      },
    ],
  },
});
