import { spawn } from "node:child_process";
import path from "node:path";
import { matchMaker } from "@colyseus/core";
import { CAPACITY_MAX, TRAINING_ROOM } from "@otc/contract";
import { afterEach, expect, it } from "vitest";
import { MODERATION_COLLECTION, SETTINGS_KEY } from "../features/moderation/moderation-store.js";
import { REPO_ROOT, startTestServer, type TestServer } from "../test-support/harness.js";
import { retainedHeapMiB } from "../test-support/retained-heap.js";
import type { TrainingRoom } from "./training-room.js";

/**
 * The 2-minute soak of issue 19, in CI (the 10-minute one is `npm run bench -- soak`): 30 people in
 * one room, all moving at the presence rate, 5 of them leaving and rejoining as new seats every
 * second (about 600 joins), clients in a child process. OTC_SKIP_SOAK=1 skips it for local
 * iteration only; CI never sets it.
 */
const CLIENTS = 30;
const SECONDS = 120;
const CHURN = 5; // people who leave and rejoin each round
const CHURN_MS = 1000;
/** Warm-up before the baseline heap: the first joins have compiled every path (JIT code is heap too). */
const WARMUP_ROUNDS = 15;
/**
 * Retained heap growth allowed from the baseline to the end, after forced GC: 2 MiB plus 2 KB per join
 * (about 2.9 MiB over the run). Measured without a leak: -0.2 to 0.2 KB a join on a quiet box, 2.7 KB a
 * join at load 23 on 2 cores (work in flight, not kept). Any leak of ≥ 7 KB a join breaks it (the figure
 * the bench's heap slope once suggested, ≈ 3.1 MiB over 450 joins). A server that kept each departed
 * person's connection and Participant schema (tried: +2.7 KB a join, ≈ 1.3 MiB) stays under it: the
 * bound is set for a loaded CI box; the bench's retained heap per join is the finer check.
 */
const HEAP_SLACK_MIB = 2;
const HEAP_PER_JOIN_KB = 2;
/**
 * The room never stopped serving anyone: no client went 10 s without a presence frame. Not the fuzzer's
 * 1.5 s: at load 11–31 on 2 cores (when this test still ran beside the browser tests; it now runs beside
 * the unit tests, before the browser files: vitest.config.ts) the clients' own process fell 1.7–3.2 s behind while the
 * server kept sending (longest gaps measured); the figure is printed.
 */
const MAX_PRESENCE_GAP_MS = 10_000;

let h: TestServer | undefined;
afterEach(async () => h?.close());

it.skipIf(process.env.OTC_SKIP_SOAK === "1" && !process.env.CI)(
  "keeps 30 moving people served for 2 minutes with churn, every join succeeding, retained heap flat",
  async () => {
    h = await startTestServer({ now: Date.now }); // real time: per-person rate limits apply as in production
    const sessionId = "ci-soak";
    const link = await h.linkToken(sessionId);
    await h.server.storage.putDocument(sessionId, MODERATION_COLLECTION, SETTINGS_KEY, { locked: false, capacity: CAPACITY_MAX }, Date.now());
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/test-support/soak-clients.ts", h.server.url.replace(/^http/, "ws"), sessionId, link, String(CLIENTS), String(SECONDS), String(CHURN), String(CHURN_MS)],
      { cwd: path.join(REPO_ROOT, "apps/server"), stdio: ["pipe", "pipe", "inherit"] },
    );
    let baseline: { heap: number; joins: number } | undefined;
    let rounds = 0;
    const result = await new Promise<{ joins: number; rounds: number; failedJoins: number; frames: number; maxGapMs: number; silent: number }>((resolve, reject) => {
      let buffered = "";
      child.once("exit", (code) => reject(new Error(`soak clients exited early with ${code}`)));
      child.stdout.on("data", (d: Buffer) => {
        buffered += d.toString();
        for (let at = buffered.indexOf("\n"); at >= 0; at = buffered.indexOf("\n")) {
          const line = buffered.slice(0, at);
          buffered = buffered.slice(at + 1);
          const joins = /^joins (\d+)$/.exec(line);
          if (joins && ++rounds === WARMUP_ROUNDS) {
            baseline = { heap: retainedHeapMiB(), joins: Number(joins[1]) };
            child.stdin.write("gc-done\n"); // the pause of the forced GC is the test's, not a gap in service
          }
          if (line.startsWith("{")) resolve(JSON.parse(line));
        }
      });
    });
    const end = retainedHeapMiB(); // everyone still seated, as at the baseline
    const [listed] = await matchMaker.query({ name: TRAINING_ROOM });
    const room = listed && (matchMaker.getLocalRoomById(listed.roomId) as TrainingRoom | undefined);
    const errors = room?.stats.errors; // read before everyone leaves and the room closes
    child.stdin.end("done\n");
    await new Promise((r) => child.once("exit", r));

    expect(baseline, "the warm-up finished").toBeDefined();
    const joinsSince = result.joins - baseline!.joins;
    const bound = HEAP_SLACK_MIB + (HEAP_PER_JOIN_KB * joinsSince) / 1024;
    console.log(
      `soak: ${CLIENTS} clients × ${SECONDS} s, ${result.joins} joins (${result.failedJoins} failed), ${(result.frames / CLIENTS / SECONDS).toFixed(1)} presence frames/s each, ` +
        `longest presence gap ${result.maxGapMs} ms; retained heap ${baseline!.heap.toFixed(1)} → ${end.toFixed(1)} MiB over ${joinsSince} joins ` +
        `(${(((end - baseline!.heap) * 1024 * 1024) / joinsSince / 1024).toFixed(2)} KB a join; bound ${bound.toFixed(1)} MiB)`,
    );
    expect(errors, "the room is still open and no handler failed").toBe(0);
    expect(result.failedJoins).toBe(0);
    expect(result.rounds).toBeGreaterThanOrEqual(SECONDS / 2); // churn ran all along (a loaded box delays its timer)
    expect(result.joins).toBe(CLIENTS + CHURN * result.rounds); // every rejoin of every round went through
    expect(result.silent).toBe(0);
    expect(result.maxGapMs).toBeLessThanOrEqual(MAX_PRESENCE_GAP_MS);
    expect(end - baseline!.heap).toBeLessThanOrEqual(bound);
  },
  SECONDS * 1000 + 120_000,
);
