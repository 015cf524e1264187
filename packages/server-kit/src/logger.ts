import pino from 'pino';
import pretty from 'pino-pretty';

// One JSON logger per process; `service` names the process in shared log streams.
// LOG_FORMAT=pretty (set by `npm start`) prints one readable line per event instead.
// Log ids, never PHI values (ARCHITECTURE rule 5).
export function createLogger(service: string) {
  const options: pino.LoggerOptions = {
    name: service,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
    redact: { paths: ['req.headers.authorization', '*.password', '*.accessToken'], remove: true },
  };
  if (process.env.LOG_FORMAT === 'pretty') {
    return pino(options, pretty({ colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,name', sync: true }));
  }
  return pino(options);
}

export type Logger = ReturnType<typeof createLogger>;
