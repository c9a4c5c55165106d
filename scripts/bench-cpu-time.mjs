// Preloaded (`--import`) into every process a cold-start bench compares: at exit, the process's CPU
// time since it started (user and system, µs; getrusage of the whole process) goes to fd 3.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(3, `${user} ${system}\n`);
});
