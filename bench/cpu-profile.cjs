// Preload for bench/profile-availability.ts (NODE_OPTIONS=--require; Node 20 refuses --cpu-prof
// there): the first SIGUSR2 starts V8's CPU profiler in this process, the next writes what it
// sampled to PROFILE_CPU_DIR (<script>-<pid>-<n>.cpuprofile), and so on.
// A CommonJS preload: `--import` would send the services' TypeScript entry through the ESM loader.
/* eslint-disable @typescript-eslint/no-require-imports */
const { writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');
const { basename, join } = require('node:path');

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 250 });
const script = basename(process.argv[1] ?? 'node').replace(/\.[jt]s$/, '');
const where = process.argv[1]?.includes('/subgraphs/') ? process.argv[1].split('/subgraphs/')[1].split('/')[0] : script;
let running = false;
let written = 0;
process.on('SIGUSR2', () => {
  if (!running) {
    session.post('Profiler.start');
    running = true;
    return;
  }
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(join(process.env.PROFILE_CPU_DIR, `${where}-${process.pid}-${++written}.cpuprofile`), JSON.stringify(result.profile));
  });
  running = false;
});
