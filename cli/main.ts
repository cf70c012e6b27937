// Entry point of the built CLI (dist-cli/pinggu.mjs): runs the command line on the process's
// own arguments and streams. The exit code is set, not forced, so output is flushed. A closed
// pipe (`pinggu report x.pgb | head -1`) ends the run quietly instead of with a stack trace.
import { nodeIo } from './io';
import { run } from './run';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), nodeIo());
