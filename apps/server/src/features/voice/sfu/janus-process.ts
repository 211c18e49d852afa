import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** A Janus the server started and owns: its private API URL and secrets. */
export interface JanusChild {
  url: string;
  apiSecret: string;
  adminKey: string;
  /** The Janus process id. */
  pid: number;
  stop(): Promise<void>;
}

export interface JanusStartOptions {
  binary: string;
  /** Our config templates (apps/server/janus). */
  templateDir: string;
  /** Interfaces/addresses Janus may gather ICE candidates on (e.g. a test namespace's 127.0.0.2); default: all. */
  iceEnforceList?: string;
  /** UDP ports for media, "min-max". */
  rtpPortRange?: string;
  log(line: string): void;
}

const LIB_CANDIDATES = ["/usr/lib/x86_64-linux-gnu/janus", "/usr/lib/aarch64-linux-gnu/janus", "/usr/lib/janus", "/usr/local/lib/janus", "/opt/janus/lib/janus"];
const READY_TIMEOUT_MS = 10_000;

/** The `janus` executable on PATH (Debian's `janus` package installs /usr/bin/janus), or null. */
export function findJanusBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "janus");
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * How to run Janus so that it dies with this server: on Linux, through util-linux's `setpriv
 * --pdeathsig KILL` (it sets the parent-death signal and execs Janus in place, same pid). A server
 * killed with SIGKILL or crashing otherwise leaves an orphan Janus holding its ports, and each
 * restart would add one. Where setpriv is missing, Janus is started directly (stop() still ends it).
 */
export function janusCommand(binary: string, args: string[], env: NodeJS.ProcessEnv = process.env): [string, string[]] {
  if (process.platform !== "linux") return [binary, args];
  const setpriv = (env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, "setpriv")).find((p) => p !== "setpriv" && existsSync(p));
  return setpriv ? [setpriv, ["--pdeathsig", "KILL", "--", binary, ...args]] : [binary, args];
}

export function janusLibFolder(): string | null {
  return LIB_CANDIDATES.find((d) => existsSync(path.join(d, "plugins", "libjanus_videoroom.so"))) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts Janus as a managed child with our own configuration (VideoRoom and a loopback WebSocket
 * only, random API secret and room admin key), and resolves once its API accepts connections.
 * Janus's log goes to `log` (warnings and errors; debug level 3).
 */
export async function startJanus(opts: JanusStartOptions): Promise<JanusChild> {
  const lib = janusLibFolder();
  if (!lib) throw new Error(`Janus plugins not found in ${LIB_CANDIDATES.join(", ")}`);
  const dir = await mkdtemp(path.join(tmpdir(), "otc-janus-"));
  const port = await freePort();
  const apiSecret = randomBytes(16).toString("hex");
  const adminKey = randomBytes(16).toString("hex");
  const values: Record<string, string> = {
    CONFIGS_FOLDER: dir,
    LIB_FOLDER: lib,
    API_SECRET: apiSecret,
    ADMIN_KEY: adminKey,
    WS_PORT: String(port),
    RTP_PORT_RANGE: opts.rtpPortRange ?? "20000-40000",
    ICE_LIST_LINE: opts.iceEnforceList ? `ice_enforce_list = "${opts.iceEnforceList}"` : `ice_ignore_list = "vmnet,docker"`,
  };
  for (const name of await readdir(opts.templateDir)) {
    if (!name.endsWith(".jcfg")) continue;
    const text = await readFile(path.join(opts.templateDir, name), "utf8");
    await writeFile(path.join(dir, name), text.replace(/@([A-Z_]+)@/g, (m, key: string) => values[key] ?? m));
  }
  const [command, args] = janusCommand(opts.binary, ["-C", path.join(dir, "janus.jcfg"), "-F", dir, "-o"]);
  const child: ChildProcess = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (/\[(WARN|ERR|FATAL)\]/.test(line) && !/has been disabled/.test(line)) opts.log(`janus: ${line.trim()}`);
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      await rm(dir, { recursive: true, force: true });
      throw new Error(`Janus did not start (exit ${child.exitCode ?? "timeout"})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    url: `ws://127.0.0.1:${port}`,
    apiSecret,
    adminKey,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const force = setTimeout(() => child.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(force);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
