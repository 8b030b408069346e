/** Exit code for anything but configuration that stops the bot before it runs. */
export const EXIT_START_FAILED = 1;

/**
 * A reason the bot cannot start, worded for the operator: one line naming the cause and the
 * fix. exitCode 2 is a configuration mistake, 1 anything else.
 */
export class StartupFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = EXIT_START_FAILED,
  ) {
    super(message);
    this.name = "StartupFailure";
  }
}

/** Replaces every secret (the bot token, the webhook secret) in text. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  return out;
}

/** The one line an operator sees for a failure before the bot runs, and its exit code. */
export function describeStartupFailure(
  error: unknown,
  secrets: readonly (string | undefined)[],
): { line: string; exitCode: 1 | 2 } {
  if (error instanceof StartupFailure) {
    return { line: redact(oneLine(error.message), secrets), exitCode: error.exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    line: redact(`Cannot start: ${oneLine(message)}`, secrets),
    exitCode: EXIT_START_FAILED,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** Prints the failure as one line on stderr (never a stack trace) and exits. */
export function exitOnStartupFailure(
  error: unknown,
  secrets: readonly (string | undefined)[],
): never {
  const { line, exitCode } = describeStartupFailure(error, secrets);
  process.stderr.write(`${line}\n`);
  process.exit(exitCode);
}
