// Command-line parsing on node:util's parseArgs (strict: unknown options are errors), with
// its exceptions turned into UsageError so a typo prints one line and the usage, never a
// stack trace.
import { parseArgs } from 'node:util';
import type { CommandName } from './help';
import { UsageError } from './io';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export type ParsedArgs = {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
};

export function parseCommandArgs(
  command: CommandName,
  argv: readonly string[],
  options: OptionSpec,
): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(message ?? 'invalid arguments', command);
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A whole number within [min, max], or the default when the option is absent. */
export function integerOption(
  command: CommandName,
  args: ParsedArgs,
  name: string,
  range: { min: number; max: number },
): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const value = /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(
      `--${name} must be a whole number from ${range.min} to ${range.max} (got "${text}")`,
      command,
    );
  }
  return value;
}

export function choiceOption<T extends string>(
  command: CommandName,
  args: ParsedArgs,
  name: string,
  choices: readonly T[],
): T | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const choice = choices.find((c) => c === text);
  if (choice === undefined) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got "${text}")`, command);
  }
  return choice;
}
