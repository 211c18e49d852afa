import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** A throwaway Redis on 127.0.0.1 (Debian's `redis-server`), owned by the test that started it. */
export interface TestRedis {
  url: string;
  /** Stops Redis the way a service restart does (SIGTERM: it writes its data first); `resume` starts it again on the same port and data. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export type RedisStart = { ok: true; redis: TestRedis } | { ok: false; reason: string };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function redisBinary(): string | undefined {
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Resolves once Redis answers PING with PONG on `port`. */
async function waitForPong(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pong = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("error", () => resolve(false));
      socket.once("data", (d) => {
        resolve(d.toString().startsWith("+PONG"));
        socket.destroy();
      });
      socket.once("connect", () => socket.write("PING\r\n"));
    });
    if (pong) return;
    if (Date.now() > deadline) throw new Error(`redis on port ${port} did not answer PING`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts Debian's redis-server (the test command installs it) in a temporary directory with an
 * append-only file, as a deployment should run it. Returns a reason instead when it cannot.
 */
export async function startTestRedis(): Promise<RedisStart> {
  const bin = redisBinary();
  if (!bin) return { ok: false, reason: "redis-server is not installed (apt-get install redis-server)" };
  const dir = mkdtempSync(path.join(tmpdir(), "otc-redis-"));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--save", "", "--daemonize", "no", "--logfile", ""], { stdio: "ignore" });
    await waitForPong(port);
  };
  const halt = () =>
    new Promise<void>((resolve) => {
      const c = child;
      if (!c || c.exitCode !== null) return resolve();
      c.once("exit", () => resolve());
      c.kill("SIGTERM");
    });
  try {
    await start();
  } catch (e) {
    child?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, reason: (e as Error).message };
  }
  return {
    ok: true,
    redis: {
      url: `redis://127.0.0.1:${port}`,
      pause: halt,
      resume: start,
      async stop() {
        await halt();
        rmSync(dir, { recursive: true, force: true });
      },
    },
  };
}
