// The CLI as a function: `run(argv, io)` returns the exit code and never throws, so tests
// drive every command in-process and the shell never sees a stack trace. Usage errors print
// one line and the command's usage (exit 1); expected failures print one line (their exit
// code); anything unexpected prints one line naming it as an internal error (exit 1).
import { demoCommand } from './commands/demo';
import { mergeCommand } from './commands/merge';
import { registryCommand } from './commands/registry';
import { reportCommand } from './commands/report';
import { verifyCommand } from './commands/verify';
import { workbookCommand } from './commands/workbook';
import { HELP, USAGE } from './help';
import type { CommandName } from './help';
import { CliFailure, EXIT_FAILURE, EXIT_OK, printError, UsageError } from './io';
import type { CliIo } from './io';
import { CLI_VERSION } from './version';

const COMMANDS: Record<CommandName, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  demo: demoCommand,
  verify: verifyCommand,
  merge: mergeCommand,
  report: reportCommand,
  workbook: workbookCommand,
  registry: registryCommand,
};

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    io.stdout(topic !== undefined && isCommand(topic) ? HELP[topic] : USAGE);
    return EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`pinggu ${CLI_VERSION}\n`);
    return EXIT_OK;
  }
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}"`);
  return COMMANDS[command](rest, io);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(io, `pinggu${error.command ? ` ${error.command}` : ''}: ${error.message}`);
      io.stderr(`\n${error.command === undefined ? USAGE : HELP[error.command]}`);
      return EXIT_FAILURE;
    }
    if (error instanceof CliFailure) {
      printError(io, `pinggu: ${error.message}`);
      return error.exitCode;
    }
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    printError(io, `pinggu: internal error (${what.split('\n')[0] ?? ''})`);
    return EXIT_FAILURE;
  }
}
