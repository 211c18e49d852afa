import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/** A throwaway PostgreSQL cluster on 127.0.0.1, owned by the test that started it. */
export interface TestPostgres {
  /** Connection URL of a fresh, empty database. */
  createDatabase(name: string): Promise<string>;
  /** Shuts the server down (fast mode: open sessions are terminated) and keeps its data, as a database restart does. */
  pause(): Promise<void>;
  /** Starts the paused server again on the same port and data; resolves once it accepts connections. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export type PostgresStart = { ok: true; postgres: TestPostgres } | { ok: false; reason: string };

/** Where Debian puts the server binaries (`postgresql-NN`), newest first, or PATH. */
function findBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "postgres")));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], "bin");
  }
  try {
    return path.dirname(execFileSync("sh", ["-c", "command -v postgres"], { encoding: "utf8" }).trim()) || undefined;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root; as root we run it as Debian's `postgres` user. */
function asServerUser(cmd: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [cmd, args];
  return ["runuser", ["-u", "postgres", "--", cmd, ...args]];
}

/**
 * Starts a real PostgreSQL server (Debian's `postgresql` package; the test command installs it)
 * in a temporary directory. Returns a reason instead when it cannot, so the caller can skip loudly.
 */
export async function startTestPostgres(): Promise<PostgresStart> {
  const bin = findBinDir();
  if (!bin) return { ok: false, reason: "no PostgreSQL server binaries (apt-get install postgresql)" };
  const dir = mkdtempSync(path.join(tmpdir(), "otc-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  try {
    const [cmd, args] = asServerUser(path.join(bin, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "otc", "--no-sync", "-E", "UTF8"]);
    execFileSync(cmd, args, { stdio: "pipe" });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, reason: `initdb failed: ${(e as { stderr?: Buffer }).stderr?.toString().trim() ?? String(e)}` };
  }
  const port = await freePort();
  const [cmd, args] = asServerUser(path.join(bin, "postgres"), ["-D", dataDir, "-p", String(port), "-h", "127.0.0.1", "-k", dir]);
  let log = "";
  const launch = (): ChildProcess => {
    const c = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    c.stderr?.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    return c;
  };
  let child = launch();
  const adminUrl = `postgres://otc@127.0.0.1:${port}/postgres`;
  const ready = await waitUntilAccepting(adminUrl, child, 20_000);
  if (!ready) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, reason: `postgres did not start: ${log.trim().split("\n").slice(-3).join(" | ")}` };
  }
  // pg_ctl, not a signal to the child: as root the child is `runuser`, which does not pass signals on.
  const shutDown = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const [ctl, ctlArgs] = asServerUser(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "-t", "10", "stop"]);
    try {
      execFileSync(ctl, ctlArgs, { stdio: "pipe" });
    } catch {
      child.kill("SIGINT");
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  const postgres: TestPostgres = {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`create database "${name.replace(/[^a-z0-9_]/g, "_")}"`);
      } finally {
        await client.end();
      }
      return `postgres://otc@127.0.0.1:${port}/${name.replace(/[^a-z0-9_]/g, "_")}`;
    },
    pause: shutDown,
    async resume() {
      child = launch();
      if (!(await waitUntilAccepting(adminUrl, child, 20_000))) throw new Error(`postgres did not restart: ${log.trim().split("\n").slice(-3).join(" | ")}`);
    },
    async stop() {
      await shutDown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return { ok: true, postgres };
}

async function waitUntilAccepting(url: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  return false;
}
