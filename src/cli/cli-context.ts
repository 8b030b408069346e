import type { Services } from "../services.js";

/** What a command-line command gets: the services and two output streams. */
export interface CliContext {
  readonly services: Services;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly interactive: boolean;
}

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export type CliCommand = (args: string[], ctx: CliContext) => Promise<number> | number;
