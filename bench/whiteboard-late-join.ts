import { ClientMessage, ServerMessage, seededRandom, type BoardOp, type BoardSnapshot } from "@otc/contract";
import { startTestServer } from "@otc/server/src/test-support/harness.ts";
import { BoardModel, BoardReplica, encodeDeltas, simplify } from "@otc/whiteboard";

export interface WhiteboardLateJoin {
  strokes: number;
  pointsPerStroke: number;
  /** WebSocket bytes a joining client receives for every board of the room (snapshots), after its sync request. */
  snapshotBytes: number;
  /** From the sync request to the last snapshot applied to replicas, in-process server on this machine, ms. */
  syncMs: number;
  /** Server start-up replay of the stored log (all boards), ms. */
  replayMs: number;
}

/** Handwriting-like strokes: a wandering pen, simplified the way the client does before committing. */
function strokes(n: number, w: number, h: number): BoardOp[] {
  const rand = seededRandom(42);
  const out: BoardOp[] = [];
  for (let i = 0; i < n; i++) {
    let [x, y] = [100 + rand() * (w - 200), 100 + rand() * (h - 200)];
    let angle = rand() * Math.PI * 2;
    const abs: number[] = [];
    for (let j = 0, len = 40 + Math.floor(rand() * 80); j < len; j++) {
      angle += (rand() - 0.5) * 0.9;
      x = Math.max(0, Math.min(w, x + Math.cos(angle) * 6));
      y = Math.max(0, Math.min(h, y + Math.sin(angle) * 6));
      abs.push(Math.round(x), Math.round(y));
    }
    out.push({ t: "stroke", cid: i, tool: "pen", colour: "#1e3a8a", width: 12, pts: encodeDeltas(simplify(abs, 2)) });
  }
  return out;
}

/**
 * What a person joining late pays for a board with `n` strokes: the ops are stored as a session
 * would have stored them, the server replays them when the room opens, and a real SDK client
 * asks for the boards and counts the bytes on its socket.
 */
export async function whiteboardLateJoin(n = 2000): Promise<WhiteboardLateJoin> {
  const h = await startTestServer();
  try {
    await h.linkToken("bench");
    const ops = strokes(n, 4096, 2420);
    const model = new BoardModel("front", 4096, 2420);
    const actor = { person: "bench", mayClear: false, mayTemplate: false };
    for (const op of ops) {
      const plan = model.plan(actor, op);
      if (plan.ok) plan.commit();
      await h.server.storage.appendBoardOp("bench", "front", { actor, op }, 0);
    }
    const t0 = performance.now();
    const client = await h.join("Late", { sessionId: "bench" });
    const replayMs = performance.now() - t0; // room creation (replay) + join
    const ws = (client.room.connection as unknown as { transport: { ws: { addEventListener(t: string, f: (e: { data: ArrayBuffer | Buffer }) => void): void } } }).transport.ws;
    let bytes = 0;
    ws.addEventListener("message", (e) => (bytes += (e.data as ArrayBuffer).byteLength ?? (e.data as Buffer).length));
    const replicas = new Map<string, BoardReplica>();
    const done = new Promise<void>((resolve) =>
      client.room.onMessage(ServerMessage.boardSnapshot, (s: BoardSnapshot) => {
        const r = new BoardReplica(s.board);
        r.applySnapshot(s);
        replicas.set(s.board, r);
        if (replicas.size === 2) resolve();
      }),
    );
    const t1 = performance.now();
    client.room.send(ClientMessage.boardSync, {});
    await done;
    const syncMs = performance.now() - t1;
    const items = replicas.get("front")!.ordered();
    if (items.length !== n) throw new Error(`late joiner got ${items.length} strokes, expected ${n}`);
    const pts = items.reduce((a, i) => a + (i.k === "s" ? i.pts.length / 2 : 0), 0);
    return { strokes: n, pointsPerStroke: +(pts / n).toFixed(1), snapshotBytes: bytes, syncMs: +syncMs.toFixed(1), replayMs: +replayMs.toFixed(1) };
  } finally {
    await h.close();
  }
}
