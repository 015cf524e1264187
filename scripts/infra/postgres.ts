// A project-local PostgreSQL cluster for development and tests: data in a git-ignored folder,
// its own port, unix socket inside the data folder. PostgreSQL refuses to run as root, so as root
// the cluster belongs to the `postgres` system user.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ensureSystemPackages, postgresBinDir } from './system-packages';

export interface LocalPostgres {
  url: string;
  stop(): void;
}

const isRoot = process.getuid?.() === 0;

function postgresUid(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('Running as root needs the `postgres` system user (it comes with the postgresql package).');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function runAsOwner(binary: string, args: string[]): string {
  if (!isRoot) return execFileSync(binary, args, { encoding: 'utf8' });
  return execFileSync('runuser', ['-u', 'postgres', '--', binary, ...args], { encoding: 'utf8' });
}

export function startLocalPostgres(options: { dataDir: string; port: number; database: string }): LocalPostgres {
  ensureSystemPackages(['postgres']);
  const bin = postgresBinDir()!;
  const dataDir = resolve(options.dataDir);
  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    // The parent stays traversable so the postgres user can reach its own folder.
    mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
    mkdirSync(dataDir, { mode: 0o700 });
    if (isRoot) {
      const { uid, gid } = postgresUid();
      chownSync(dataDir, uid, gid);
    }
    runAsOwner(`${bin}/initdb`, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  }
  const running = (() => {
    try {
      runAsOwner(`${bin}/pg_ctl`, ['-D', dataDir, 'status']);
      return true;
    } catch {
      return false;
    }
  })();
  if (!running) {
    const serverOptions = `-p ${options.port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    runAsOwner(`${bin}/pg_ctl`, ['-D', dataDir, '-o', serverOptions, '-l', `${dataDir}/server.log`, '-w', 'start']);
  }
  const port = readPort(dataDir) ?? options.port;
  const databases = runAsOwner(`${bin}/psql`, ['-h', dataDir, '-p', String(port), '-U', 'postgres', '-Atc', 'select datname from pg_database']);
  if (!databases.split('\n').includes(options.database)) {
    runAsOwner(`${bin}/psql`, ['-h', dataDir, '-p', String(port), '-U', 'postgres', '-c', `create database "${options.database}"`]);
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/${options.database}`,
    stop: () => {
      runAsOwner(`${bin}/pg_ctl`, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
  };
}

/** The port a running cluster actually listens on (postmaster.pid line 4). */
function readPort(dataDir: string): number | undefined {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return undefined;
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  return Number.isFinite(port) && port > 0 ? port : undefined;
}
