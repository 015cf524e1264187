// Builds the web app (codegen, then nuxt build) unless the last build is newer than every source.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const OUTPUT = resolve(ROOT, 'web/.output/server/index.mjs');
const SOURCES = ['web/app', 'web/nuxt.config.ts', 'web/package.json', 'schema/api.graphql', 'codegen.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'gql')
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

export function buildWebIfStale(): void {
  const built = existsSync(OUTPUT) ? statSync(OUTPUT).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((source) => newestMtime(resolve(ROOT, source))));
  if (built > sources) return;
  console.log('[web] building the web app (codegen + nuxt build)…');
  execSync('npm run codegen && npm run build -w @solace/web', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NUXT_TELEMETRY_DISABLED: '1' } });
}
