// Loaded with `node --import` in front of the CLI by merge.mjs: at exit, writes the process's
// peak resident set size and CPU time (user + system, from process.resourceUsage()) as JSON
// to $PINGGU_BENCH_RSS_FILE. The peak is /proc/self/status VmHWM where there is one: on
// Linux, getrusage's maxRSS survives exec and would report the spawning process's peak.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.PINGGU_BENCH_RSS_FILE;

function peakRssKiB() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS;
}

if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMicros = usage.userCPUTime + usage.systemCPUTime;
    writeFileSync(file, JSON.stringify({ maxRssKiB: peakRssKiB(), cpuMicros }));
  });
}
