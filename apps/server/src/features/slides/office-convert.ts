import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Turns a PPTX/ODP file into PDF bytes, or says why it cannot. */
export type OfficeConverter = (bytes: Uint8Array, ext: "pptx" | "odp") => Promise<{ ok: true; pdf: Uint8Array } | { ok: false; reason: string }>;

export const NO_LIBREOFFICE =
  "PowerPoint and OpenDocument decks need LibreOffice on the server (install it, e.g. `apt-get install libreoffice-impress-nogui`, and restart), or export the deck as PDF and upload that";
const COULD_NOT = "LibreOffice could not convert this deck; export it as PDF and upload that";

/** Seconds a conversion may take before it is abandoned (and its processes killed). */
const CONVERT_TIMEOUT_S = 120;

export interface ConverterOptions {
  /** The LibreOffice command; default `soffice` on the PATH. */
  command?: string;
  /** Seconds before a conversion is killed; default CONVERT_TIMEOUT_S. */
  timeoutS?: number;
  /** Cut the converter off the network with `unshare -rn` when the kernel allows it; default true. */
  isolateNetwork?: boolean;
}

/**
 * Runs `cmd` with nothing of the server's environment (no ADMIN_SECRET, LINK_SECRET, DATABASE_URL):
 * only PATH and a private HOME. Detached into its own process group, so a timeout kills LibreOffice's
 * whole tree (oosplash starts soffice.bin as a child), not just the first process.
 */
function run(cmd: string[], home: string, timeoutS: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home }, stdio: "ignore", detached: true });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutS * 1000);
    child.once("error", () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

let netIsolation: Promise<boolean> | undefined;
/** Whether `unshare -rn` works here (unprivileged user namespaces can be disabled by the kernel). */
export function canIsolateNetwork(): Promise<boolean> {
  return (netIsolation ??= run(["unshare", "-rn", "true"], tmpdir(), 10));
}

/**
 * Converts with LibreOffice (`soffice --headless --convert-to pdf`) when it is installed: one
 * conversion at a time (each takes a CPU for seconds and hundreds of MB), in a fresh folder that is
 * also its HOME and profile, with an empty environment, without network where `unshare -rn` works
 * (elsewhere it runs with the host's network: the deck is still only read and written locally),
 * and killed after a timeout.
 */
export function libreOfficeConverter(opts: ConverterOptions = {}): OfficeConverter {
  const command = opts.command ?? "soffice";
  const timeoutS = opts.timeoutS ?? CONVERT_TIMEOUT_S;
  let queue: Promise<unknown> = Promise.resolve();
  const convertOne: OfficeConverter = async (bytes, ext) => {
    let dir: string | undefined; // made inside the try: a full temporary disk is a refusal, not a rejection
    try {
      dir = await mkdtemp(path.join(tmpdir(), "otc-convert-"));
      const home = path.join(dir, "home");
      await mkdir(home);
      const prefix = opts.isolateNetwork !== false && (await canIsolateNetwork()) ? ["unshare", "-rn"] : [];
      if (!(await run([...prefix, command, "--version"], home, 20))) return { ok: false, reason: NO_LIBREOFFICE };
      const input = path.join(dir, `deck.${ext}`);
      await writeFile(input, bytes);
      const args = [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, input];
      if (!(await run([...prefix, command, ...args], home, timeoutS))) return { ok: false, reason: COULD_NOT };
      return { ok: true, pdf: new Uint8Array(await readFile(path.join(dir, "deck.pdf"))) };
    } catch {
      return { ok: false, reason: COULD_NOT };
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  };
  return (bytes, ext) => {
    const job = queue.then(() => convertOne(bytes, ext));
    queue = job.catch(() => undefined);
    return job;
  };
}
