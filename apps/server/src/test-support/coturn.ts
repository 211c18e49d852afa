import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./redis-server.js";

/** A throwaway coturn on 127.0.0.1 with TURN REST credentials (`use-auth-secret`), owned by the test that started it. */
export interface TestTurn {
  port: number;
  secret: string;
  /** Whether a TURN allocation with these credentials succeeds and relays (coturn's own `turnutils_uclient`). */
  allocates(username: string, credential: string): Promise<boolean>;
  stop(): Promise<void>;
}

export type TurnStart = { ok: true; turn: TestTurn } | { ok: false; reason: string };

const has = (bin: string) => {
  try {
    return execFileSync("sh", ["-c", `command -v ${bin}`], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false;
  }
};

/** Starts Debian's `turnserver` (coturn; the test command installs it). Returns a reason instead when it cannot. */
export async function startTestTurn(secret = "test-turn-secret"): Promise<TurnStart> {
  if (!has("turnserver") || !has("turnutils_uclient")) return { ok: false, reason: "coturn is not installed (apt-get install coturn)" };
  const dir = mkdtempSync(path.join(tmpdir(), "otc-turn-"));
  const port = await freePort();
  const relay = 40_000 + (port % 20_000);
  const args = ["-n", "--no-cli", "--no-tls", "--no-dtls", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", `--listening-port=${port}`, `--min-port=${relay}`, `--max-port=${relay + 99}`];
  args.push("--use-auth-secret", `--static-auth-secret=${secret}`, "--realm=otc", "--allow-loopback-peers", `--userdb=${path.join(dir, "turndb")}`, `--pidfile=${path.join(dir, "pid")}`, "--log-file=stdout", "--simple-log");
  const child: ChildProcess = spawn("turnserver", args, { stdio: ["ignore", "pipe", "ignore"] });
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 10_000);
    child.stdout!.on("data", (d: Buffer) => {
      if (/Total General servers/.test(d.toString())) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.once("exit", () => resolve(false));
  });
  child.stdout!.resume();
  const stop = async () => {
    if (child.exitCode === null) await new Promise<void>((r) => (child.once("exit", () => r()), child.kill("SIGTERM")));
    rmSync(dir, { recursive: true, force: true });
  };
  if (!ready) {
    await stop();
    return { ok: false, reason: "turnserver did not start on 127.0.0.1" };
  }
  const allocates = (username: string, credential: string) =>
    new Promise<boolean>((resolve) => {
      // -y: the client relays to itself through its own allocation, so success means authenticated *and* relaying.
      execFile("turnutils_uclient", ["-p", String(port), "-u", username, "-w", credential, "-n", "1", "-m", "1", "-y", "127.0.0.1"], { timeout: 20_000 }, (err) => resolve(!err));
    });
  return { ok: true, turn: { port, secret, allocates, stop } };
}
