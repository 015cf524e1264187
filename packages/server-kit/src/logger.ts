import pino from 'pino';

// One JSON logger per process; `service` names the process in shared log streams.
// Log ids, never PHI values (ARCHITECTURE rule 5).
export function createLogger(service: string) {
  return pino({
    name: service,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
    redact: { paths: ['req.headers.authorization', '*.password', '*.accessToken'], remove: true },
  });
}

export type Logger = ReturnType<typeof createLogger>;
