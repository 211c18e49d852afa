import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Turns a PPTX/ODP file into PDF bytes, or says why it cannot. */
export type OfficeConverter = (bytes: Uint8Array, ext: "pptx" | "odp") => Promise<{ ok: true; pdf: Uint8Array } | { ok: false; reason: string }>;

export const NO_LIBREOFFICE =
  "PowerPoint and OpenDocument decks need LibreOffice on the server (install it, e.g. `apt-get install libreoffice-impress-nogui`, and restart), or export the deck as PDF and upload that";

/** Seconds a conversion may take before it is abandoned. */
const CONVERT_TIMEOUT_S = 120;

function run(cmd: string, args: string[], timeoutS: number): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutS * 1000 }, (err) => resolve(err ? { ok: false, error: err.message } : { ok: true }));
  });
}

/**
 * Converts with LibreOffice (`soffice --headless --convert-to pdf`) when `soffice` is on the PATH; in
 * a fresh profile folder each time, since two conversions sharing one profile block each other.
 */
export function libreOfficeConverter(command = "soffice"): OfficeConverter {
  return async (bytes, ext) => {
    let dir: string | undefined; // made inside the try: a full temporary disk is a refusal, not a rejection
    try {
      dir = await mkdtemp(path.join(tmpdir(), "otc-convert-"));
      const probe = await run(command, ["--version"], 20);
      if (!probe.ok) return { ok: false, reason: NO_LIBREOFFICE };
      const input = path.join(dir, `deck.${ext}`);
      await writeFile(input, bytes);
      const done = await run(command, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, input], CONVERT_TIMEOUT_S);
      if (!done.ok) return { ok: false, reason: "LibreOffice could not convert this deck; export it as PDF and upload that" };
      return { ok: true, pdf: new Uint8Array(await readFile(path.join(dir, "deck.pdf"))) };
    } catch {
      return { ok: false, reason: "LibreOffice could not convert this deck; export it as PDF and upload that" };
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  };
}
