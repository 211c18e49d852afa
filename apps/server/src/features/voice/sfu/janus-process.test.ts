import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, eventually } from "../../../test-support/harness.js";
import { findJanusBinary, janusCommand, janusLibFolder } from "./janus-process.js";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("a managed Janus", () => {
  it("runs under setpriv's parent-death signal on Linux (same pid, Janus exec'd in place)", () => {
    const [command, args] = janusCommand("/usr/bin/janus", ["-C", "x"], { PATH: "/usr/bin:/bin" });
    if (process.platform === "linux") {
      expect(path.basename(command)).toBe("setpriv");
      expect(args).toEqual(["--pdeathsig", "KILL", "--", "/usr/bin/janus", "-C", "x"]);
    }
    expect(janusCommand("/usr/bin/janus", ["-C", "x"], { PATH: "/nowhere" })).toEqual(["/usr/bin/janus", ["-C", "x"]]);
  });

  it("dies with its server when the server is killed with SIGKILL (no orphan holding ports)", async ({ skip }) => {
    if (!findJanusBinary() || !janusLibFolder() || janusCommand("janus", [])[0] === "janus") {
      console.warn("SKIPPED: janus or setpriv is not installed here (apt-get install janus util-linux)");
      return skip("janus or setpriv not installed");
    }
    const server = spawn(process.execPath, ["--import", "tsx", "src/test-support/janus-child.ts"], { cwd: path.join(REPO_ROOT, "apps/server"), stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    server.stdout.on("data", (c: Buffer) => (out += c.toString()));
    let pid = 0;
    await eventually(() => (pid = Number(/\{"pid":(\d+)\}/.exec(out)?.[1] ?? 0)) > 0, 20_000, "Janus started by the child server");
    expect(alive(pid)).toBe(true);
    server.kill("SIGKILL");
    await eventually(() => !alive(pid), 5_000, "Janus gone after its server was killed");
  }, 30_000);
});
