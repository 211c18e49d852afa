import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./harness.js";

/** `apps/server` main as a real child process (what `pnpm start` runs), on a port chosen by the caller. */
export interface ServerChild {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything it printed so far (read on failure). */
  output(): string;
  /** SIGKILL: no goodbye, no cleanup, as a crashed machine. */
  kill(): Promise<void>;
}

export function startServerChild(port: number, env: Record<string, string>): Promise<ServerChild> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(REPO_ROOT, "apps/server"),
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", JANUS: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server child did not start:\n${out}`)), 150_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/Facilitator console:/.test(out)) {
        clearTimeout(timer);
        resolve({ child, port, url: `http://127.0.0.1:${port}`, output: () => out, kill });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server child exited with ${code}:\n${out}`));
    });
  });
}
