// A project-local Redis for development and tests (BullMQ needs a real Redis).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureSystemPackages } from './system-packages';

export interface LocalRedis {
  url: string;
  stop(): void;
}

export function startLocalRedis(options: { dataDir: string; port: number; persist: boolean }): LocalRedis {
  ensureSystemPackages(['redis']);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const pidFile = `${dataDir}/redis.pid`;
  const url = `redis://127.0.0.1:${options.port}`;
  if (!isAlive(pidFile)) {
    execFileSync('redis-server', [
      '--port', String(options.port),
      '--bind', '127.0.0.1',
      '--dir', dataDir,
      '--pidfile', pidFile,
      '--logfile', `${dataDir}/redis.log`,
      '--daemonize', 'yes',
      '--save', options.persist ? '60 1' : '',
      '--appendonly', 'no',
    ]);
    waitFor(() => isAlive(pidFile) && ping(options.port), 5000, 'redis-server did not start');
  }
  return {
    url,
    stop: () => {
      try {
        execFileSync('redis-cli', ['-p', String(options.port), 'shutdown', options.persist ? 'save' : 'nosave'], { stdio: 'ignore' });
      } catch {
        // already stopped
      }
    },
  };
}

function isAlive(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 0);
    return true;
  } catch {
    return false;
  }
}

function ping(port: number): boolean {
  try {
    return execFileSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).trim() === 'PONG';
  } catch {
    return false;
  }
}

function waitFor(check: () => boolean, timeoutMs: number, message: string): void {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(message);
    execFileSync('sleep', ['0.1']);
  }
}
