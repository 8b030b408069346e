import { runCli } from "../../src/cli/index.js";

/** What one command-line run printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command-line tool in this process with `env`, capturing what it prints. */
export async function runCliCaptured(
  env: Record<string, string>,
  args: readonly string[],
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli([...args], {
    env,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    interactive: false,
  });
  return { code, stdout, stderr };
}
