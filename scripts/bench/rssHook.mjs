// Loaded with `node --import` in front of the CLI by merge.mjs: at exit, writes the process's
// peak resident set size (maxRSS, KiB) and CPU time (user + system, µs) from
// process.resourceUsage() as JSON to $PINGGU_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.PINGGU_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMicros = usage.userCPUTime + usage.systemCPUTime;
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMicros }));
  });
}
