// Downstream bytes per moving remote avatar, and the server's cost per relay tick, with N clients.
import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Room } from "@colyseus/core";
import { PresenceRelay } from "@otc/server/src/features/presence/presence-relay.ts";
import { startTestServer } from "@otc/tests/harness/test-server.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

export interface PresenceLoadResult {
  clients: number;
  bytesPerSecondPerMovingAvatar: number;
  bytesPerSecondPerViewer: number;
  /** Pose updates per avatar per second that reached a viewer (the relay runs at 20 Hz). */
  updatesPerAvatarPerSecond: number;
  relayEncodeMs: { mean: number; p99: number };
  relayBroadcastMs: { mean: number; p99: number };
  patchMs: { mean: number; p99: number };
  serverRssMiB: number;
}

function timed<T extends object, K extends keyof T>(proto: T, key: K, samples: number[]): () => void {
  const original = proto[key] as unknown as (...a: unknown[]) => unknown;
  (proto as Record<K, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      samples.push(performance.now() - t0);
    }
  };
  return () => {
    (proto as Record<K, unknown>)[key] = original;
  };
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { mean: +mean.toFixed(3), p99: +(s[Math.floor(s.length * 0.99)] ?? 0).toFixed(3) };
};

export async function presenceLoad(clients: number, warmMs = 3000, measureMs = 8000): Promise<PresenceLoadResult> {
  const server = await startTestServer();
  const relaySamples: number[] = [];
  const patchSamples: number[] = [];
  const broadcastSamples: number[] = [];
  const restore = [
    timed(PresenceRelay.prototype, "tick", relaySamples),
    timed(Room.prototype, "broadcastPatch", patchSamples),
    timed(Room.prototype, "broadcastBytes", broadcastSamples),
  ];

  try {
    const ws = server.url.replace(/^http/, "ws");
    const link = new URL(await server.invite(`bench-${clients}`), server.url).searchParams.get("k")!;
    const child = run("npx", ["tsx", path.join(here, "load-clients.ts"), ws, `bench-${clients}`, link, String(clients), String(warmMs), String(measureMs)], {
      cwd: here,
      maxBuffer: 1 << 20,
    });
    // Server timings count from the clients' measured window on, not from their start-up and joins.
    child.child.stdout?.on("data", (chunk: Buffer) => {
      if (!chunk.toString().includes("measuring")) return;
      relaySamples.length = 0;
      patchSamples.length = 0;
      broadcastSamples.length = 0;
    });
    const { stdout } = await child;
    const line = stdout.trim().split("\n").pop()!;
    const { perViewerBytesPerSecond, decodeErrors, updatesPerAvatarPerSecond } = JSON.parse(line) as {
      perViewerBytesPerSecond: number[];
      decodeErrors: number;
      updatesPerAvatarPerSecond: number;
    };
    if (decodeErrors > 0) throw new Error(`${decodeErrors} presence frames failed to decode`);
    const perViewer = perViewerBytesPerSecond.reduce((a, b) => a + b, 0) / perViewerBytesPerSecond.length;
    return {
      clients,
      bytesPerSecondPerViewer: Math.round(perViewer),
      updatesPerAvatarPerSecond: +updatesPerAvatarPerSecond.toFixed(1),
      bytesPerSecondPerMovingAvatar: Math.round(perViewer / (clients - 1)),
      relayEncodeMs: stat(relaySamples),
      relayBroadcastMs: stat(broadcastSamples),
      patchMs: stat(patchSamples),
      serverRssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
  } finally {
    restore.forEach((r) => r());
    await server.close();
  }
}
