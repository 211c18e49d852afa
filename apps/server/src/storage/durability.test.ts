import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ColyseusSDK } from "@colyseus/sdk";
import { ClientMessage, PROTOCOL_VERSION, TRAINING_ROOM, TrainingState, type SessionSummary } from "@otc/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, newPersonKey, REPO_ROOT } from "../test-support/harness.js";
import { startTestPostgres, type TestPostgres } from "../test-support/postgres.js";
import { openStorage } from "./open-storage.js";

// The real server as a child process, killed with SIGKILL mid-session: what the room acknowledged
// (a promotion, visible in the state) must be there after a restart on the same database.
const ADMIN_SECRET = "durability-test-secret";
let postgres: TestPostgres | undefined;
let skipReason = "";
const dirs: string[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  const started = await startTestPostgres();
  if (started.ok) postgres = started.postgres;
  else {
    skipReason = started.reason;
    console.warn(`\n!!! PostgreSQL durability test SKIPPED: ${started.reason} !!!\n`);
  }
}, 60_000);
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await postgres?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(REPO_ROOT, "apps/server"),
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ADMIN_SECRET, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server child did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Facilitator console:\s+(http:\/\/localhost:\d+)\/console/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!.replace("localhost", "127.0.0.1") });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server child exited with ${code}:\n${out}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

const backends = [
  { name: "sqlite", env: async (): Promise<Record<string, string> | undefined> => ({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "otc-kill-")) }) },
  {
    name: "postgres",
    env: async (): Promise<Record<string, string> | undefined> =>
      postgres ? { DATA_DIR: mkdtempSync(path.join(tmpdir(), "otc-kill-")), DATABASE_URL: await postgres.createDatabase(`kill_${Date.now()}`) } : undefined,
  },
];

describe.each(backends)("kill -9 on $name", ({ name, env: makeEnv }) => {
  it("keeps the session, an acknowledged promotion and the attendance", async ({ skip }) => {
    const env = await makeEnv();
    if (!env) return skip(`${name}: ${skipReason}`);
    dirs.push(env.DATA_DIR!);
    const first = await startChild(env);
    const created = await fetch(`${first.url}/api/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "Crash test", room: "training-room", language: "es" }),
    });
    const session = (await created.json()) as SessionSummary;
    const k = (kind: "participant" | "facilitator") => new URL(session.links[kind], first.url).searchParams.get("k")!;
    const personKey = newPersonKey();
    const join = (sdk: ColyseusSDK, name: string, kind: "participant" | "facilitator", key: string) =>
      sdk.joinOrCreate(TRAINING_ROOM, { protocol: PROTOCOL_VERSION, sessionId: session.id, name, colour: "#123456", device: "desktop", link: k(kind), personKey: key }, TrainingState);

    const sdk1 = new ColyseusSDK(first.url.replace("http", "ws"));
    const fac = await join(sdk1, "Fatou", "facilitator", newPersonKey());
    const pat = await join(sdk1, "Pablo", "participant", personKey);
    for (const r of [fac, pat]) r.reconnection.enabled = false;
    await eventually(() => fac.state.participants.size === 2, 5000);
    fac.send(ClientMessage.setRole, { participantId: pat.sessionId, role: "co-facilitator" });
    await eventually(() => pat.state.participants.get(pat.sessionId)?.role === "co-facilitator", 5000); // the acknowledgement
    await killHard(first.child);

    const second = await startChild(env);
    const sdk2 = new ColyseusSDK(second.url.replace("http", "ws"));
    const back = await join(sdk2, "Pablo", "participant", personKey);
    back.reconnection.enabled = false;
    await eventually(() => back.state.participants?.get(back.sessionId) !== undefined, 5000);
    expect(back.state.title).toBe("Crash test");
    expect(back.state.language).toBe("es");
    expect(back.state.participants.get(back.sessionId)?.role).toBe("co-facilitator");
    await back.leave(true);
    await killHard(second.child);

    const storage = await openStorage({ dataDir: env.DATA_DIR!, databaseUrl: env.DATABASE_URL });
    try {
      const attendance = await storage.listEvents<{ event: string; name: string }>(session.id, "attendance");
      expect(attendance.filter((e) => e.body.event === "join").map((e) => e.body.name)).toEqual(["Fatou", "Pablo", "Pablo"]);
    } finally {
      await storage.close();
    }
  }, 90_000);
});
