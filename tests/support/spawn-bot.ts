import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");

export interface SpawnedBot {
  readonly proc: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  readonly exited: Promise<number | null>;
}

/** Runs the real entry point (`npm start` = `tsx src/main.ts`) with this environment. */
export function spawnBot(env: Record<string, string>, options: { uid?: number } = {}): SpawnedBot {
  const output = { stdout: "", stderr: "" };
  const proc = spawn(TSX, ["src/main.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  proc.stdout?.on("data", (d) => {
    output.stdout += String(d);
  });
  proc.stderr?.on("data", (d) => {
    output.stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, output, exited };
}

/** A port nobody listens on right now (for a child process to take). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
