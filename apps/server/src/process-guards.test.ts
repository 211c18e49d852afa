import { EventEmitter } from "node:events";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { installProcessGuards, type GuardedProcess } from "./process-guards.js";
import { REPO_ROOT } from "./test-support/harness.js";

describe("process guards", () => {
  it("logs an unhandled rejection and keeps serving; stops cleanly on an uncaught exception", () => {
    const proc = new EventEmitter();
    const lines: string[] = [];
    const stops: string[] = [];
    installProcessGuards(proc as GuardedProcess, { log: (l) => lines.push(l), shutDown: (r) => stops.push(r) });
    proc.emit("unhandledRejection", new Error("write after close"));
    expect(lines[0]).toMatch(/unhandled promise rejection \(kept serving\): Error: write after close/);
    expect(stops).toEqual([]);
    proc.emit("uncaughtException", new Error("boom"));
    expect(lines[1]).toMatch(/uncaught exception, stopping: Error: boom/);
    expect(stops).toEqual(["uncaughtException"]);
  });

  it("the real server survives an unhandled rejection", async () => {
    // main.ts with a rejection nobody awaits, fired once it is serving; it must still answer afterwards.
    const dataDir = mkdtempSync(path.join(tmpdir(), "otc-guards-"));
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./src/test-support/reject-after-start.ts", "src/main.ts"], {
      cwd: path.join(REPO_ROOT, "apps/server"),
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ADMIN_SECRET: "guards-test", JANUS: "off", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    try {
      const waitFor = (re: RegExp) =>
        new Promise<RegExpExecArray>((resolve, reject) => {
          const timer = setInterval(() => {
            const m = re.exec(out);
            if (m) {
              clearInterval(timer);
              resolve(m);
            }
          }, 50);
          child.once("exit", (code) => {
            clearInterval(timer);
            reject(new Error(`server exited with ${code}:\n${out}`));
          });
        });
      const url = (await waitFor(/Facilitator console:\s+(http:\/\/localhost:\d+)\/console/))[1]!.replace("localhost", "127.0.0.1");
      child.kill("SIGUSR2");
      await waitFor(/unhandled promise rejection \(kept serving\): Error: a write nobody awaited/);
      await new Promise((r) => setTimeout(r, 200));
      expect(child.exitCode).toBeNull();
      expect((await fetch(`${url}/api/sessions`, { headers: { authorization: "Bearer guards-test" } })).status).toBe(200);
    } finally {
      child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
