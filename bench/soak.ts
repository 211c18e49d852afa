// Soak: N clients in one room for a long while (with churn: a tenth leave and rejoin every 10 s, through
// the CI soak's client process, apps/server/src/test-support/soak-clients.ts);
// samples the server's RSS and heap every few seconds and prints their slope (MiB per minute) over the
// run after the joins, the figure that says whether memory stays flat. Server in this process,
// clients in a child process (their own event loop and memory).
import { CAPACITY_MAX } from "@otc/contract";
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { retainedHeapMiB } from "@otc/server/src/test-support/retained-heap.ts";
import { startTestServer } from "@otc/tests/harness/test-server.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const serverApp = path.join(here, "../apps/server");

export interface SoakResult {
  clients: number;
  seconds: number;
  joins: number;
  rssMiB: { start: number; end: number; max: number };
  /** Least-squares slope over the run, MiB per minute. */
  rssSlopeMiBPerMin: number;
  heapSlopeMiBPerMin: number;
  framesPerClientPerSecond: number;
  /** Longest time any seated client went without a presence frame, ms. */
  maxGapMs: number;
  /**
   * Heap after a forced full GC, everyone seated: once the first churn rounds are done (JIT warm) and
   * at the end; and what stayed per join in between (KB). The slopes above include garbage not yet collected.
   */
  retainedHeapMiB: { start: number; end: number; perJoinKB: number };
}

/** Least-squares slope of y over x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

const mib = (bytes: number) => bytes / 2 ** 20;

export async function soak(clients: number, seconds: number, sampleMs: number): Promise<SoakResult> {
  const server = await startTestServer();
  try {
    const ws = server.url.replace(/^http/, "ws");
    const link = new URL(await server.invite("bench-soak"), server.url).searchParams.get("k")!;
    await server.setCapacity("bench-soak", CAPACITY_MAX); // more people than the room's seats
    const churn = Math.max(1, Math.floor(clients / 10));
    const churnMs = Math.min(10_000, (seconds * 1000) / 4); // at least a few rounds in a short run
    const args = [ws, "bench-soak", link, clients, seconds, churn, churnMs].map(String);
    const child = spawn(process.execPath, ["--import", "tsx", "src/test-support/soak-clients.ts", ...args], { cwd: serverApp, stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    const t: number[] = [];
    const rss: number[] = [];
    const heap: number[] = [];
    let sampler: ReturnType<typeof setInterval> | undefined;
    let t0 = 0;
    let joinsNow = 0;
    let retainedStart: { heap: number; joins: number } | undefined;
    let retainedEnd = 0;
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const counted = [...out.matchAll(/^joins (\d+)$/gm)];
      joinsNow = Number(counted.at(-1)?.[1] ?? 0);
      if (counted.length >= 3 && !retainedStart) {
        retainedStart = { heap: retainedHeapMiB(), joins: joinsNow }; // after 3 churn rounds
        child.stdin.write("gc-done\n"); // the forced GC's pause is the bench's, not a gap in service
      }
      if (out.trimEnd().endsWith("}") && !retainedEnd) {
        retainedEnd = retainedHeapMiB();
        child.stdin.end("done\n");
      }
      if (sampler || !out.includes("ready\n")) return;
      t0 = performance.now();
      const sample = () => {
        const m = process.memoryUsage();
        t.push((performance.now() - t0) / 60_000);
        rss.push(mib(m.rss));
        heap.push(mib(m.heapUsed));
      };
      sample();
      sampler = setInterval(sample, sampleMs);
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearInterval(sampler);
    if (code !== 0) throw new Error(`soak clients exited with ${code}: ${out}`);
    const { joins, frames, maxGapMs, failedJoins } = JSON.parse(out.trim().split("\n").pop()!) as { joins: number; frames: number; maxGapMs: number; failedJoins: number };
    if (failedJoins > 0) throw new Error(`${failedJoins} soak joins failed`);
    const round = (x: number, d = 1) => +x.toFixed(d);
    return {
      clients,
      seconds,
      joins,
      rssMiB: { start: round(rss[0] ?? 0), end: round(rss.at(-1) ?? 0), max: round(Math.max(...rss)) },
      rssSlopeMiBPerMin: round(slope(t, rss), 2),
      heapSlopeMiBPerMin: round(slope(t, heap), 2),
      framesPerClientPerSecond: round(frames / clients / seconds),
      maxGapMs,
      retainedHeapMiB: {
        start: round(retainedStart?.heap ?? 0),
        end: round(retainedEnd),
        perJoinKB: retainedStart && joins > retainedStart.joins ? round(((retainedEnd - retainedStart.heap) * 1024) / (joins - retainedStart.joins), 2) : 0,
      },
    };
  } finally {
    await server.close();
  }
}
