// Preloaded with `node --import ./bench/thread-cpu.mjs bin/feedback-themes.js run …` (Linux): at
// exit, prints to stderr the CPU time of the main thread, of the whole process, and of each thread
// still alive (V8's helper threads, libuv's pool; the model workers have ended by then). On a shared
// machine a thread's CPU time says more than wall time about what a change saved.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS = 100;
const started = Date.now();

/** utime + stime of one thread, in seconds, and its name. */
function threadCpu(tid) {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS };
}

process.on('exit', () => {
  const main = threadCpu(process.pid).seconds;
  const others = [];
  for (const tid of readdirSync('/proc/self/task')) {
    if (Number(tid) === process.pid) continue;
    try {
      const { name, seconds } = threadCpu(tid);
      if (seconds > 0) others.push(`${name}:${seconds.toFixed(2)}`);
    } catch {
      // The thread ended while being read.
    }
  }
  const { user, system } = process.cpuUsage();
  process.stderr.write(
    `thread cpu: main ${main.toFixed(2)} s, process ${((user + system) / 1e6).toFixed(2)} s, wall ${((Date.now() - started) / 1000).toFixed(2)} s; other live threads ${others.join(' ') || 'none'}\n`,
  );
});
