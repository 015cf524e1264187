// Makes sure the system programs Solace needs locally are present: PostgreSQL server binaries,
// redis-server and (for browser tests) Chromium. Installs them with apt-get when running as root on
// Debian; otherwise stops with one sentence saying what to install.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export type SystemNeed = 'postgres' | 'redis' | 'chromium';

const APT_PACKAGE: Record<SystemNeed, string> = {
  postgres: 'postgresql',
  redis: 'redis-server',
  chromium: 'chromium',
};

export function postgresBinDir(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(`${dir}/initdb`) && existsSync(`${dir}/pg_ctl`)) return dir;
  } catch {
    // pg_config is missing or is only the client's; look for a server install below.
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => `${root}/${v}/bin`).find((dir) => existsSync(`${dir}/initdb`));
}

export function chromiumPath(): string | undefined {
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
}

function isPresent(need: SystemNeed): boolean {
  if (need === 'postgres') return postgresBinDir() !== undefined;
  if (need === 'chromium') return chromiumPath() !== undefined;
  try {
    execSync('command -v redis-server', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function ensureSystemPackages(needs: SystemNeed[]): void {
  const missing = needs.filter((need) => !isPresent(need));
  if (missing.length === 0) return;
  const packages = missing.map((need) => APT_PACKAGE[need]);
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    throw new Error(`Solace needs ${packages.join(', ')}: install them (e.g. sudo apt-get install -y ${packages.join(' ')}) or set DATABASE_URL / REDIS_URL.`);
  }
  console.log(`[setup] installing ${packages.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}
