import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BoardOp, PanelAnchor } from "@otc/contract";
import { encodeDeltas, type Actor } from "@otc/whiteboard";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStorage } from "../../storage/open-storage.js";
import type { Storage } from "../../storage/storage.js";
import { BOARD_BYTES_PER_10S, Whiteboards, type WhiteboardPort } from "./whiteboards.js";

// Whiteboards on a real (SQLite) storage, without a room: what is stored, and what a reopened
// session rebuilds from it.
const anchors: PanelAnchor[] = [{ id: "front", position: [0, 1.5, -3], yawDeg: 0, width: 2.2, height: 1.3 }];
const ann: Actor = { person: "ann", mayClear: false, mayTemplate: false };
const bob: Actor = { person: "bob", mayClear: true, mayTemplate: true };
const stroke = (i: number, points = 3): Extract<BoardOp, { t: "stroke" }> => {
  const abs: number[] = [];
  for (let j = 0; j < points; j++) abs.push(100 + ((i * 37 + j * 11) % 3800), 100 + ((i * 53 + j * 7) % 2200));
  return { t: "stroke", cid: i, tool: "pen", colour: "#1565c0", width: 8, pts: encodeDeltas(abs) };
};

let storage: Storage;
let dir: string;
let t = 0;
const patches: unknown[] = [];
const port = (compaction?: WhiteboardPort["compaction"]): WhiteboardPort => ({
  storage,
  sessionId: "s",
  anchors,
  now: () => t,
  log: () => undefined,
  send: () => undefined,
  broadcast: (_type, payload) => patches.push(payload),
  ...(compaction ? { compaction } : {}),
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "otc-wb-"));
  storage = await openStorage({ dataDir: dir });
  await storage.createSession({ id: "s", title: "s", room: "training-room", language: "en", schedule: null, createdAt: 0, endedAt: null, linkVersions: { participant: 1, facilitator: 1 } });
  t = 0;
  patches.length = 0;
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

async function draw(wb: Whiteboards, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    t += 500; // well inside every rate limit
    const actor = i % 3 === 0 ? bob : ann;
    const op: BoardOp = i % 7 === 6 ? { t: "undo" } : i % 11 === 10 ? { t: "erase", ids: [i - 3] } : stroke(i);
    await wb.op(actor.person, actor, { board: "front", op });
  }
  await wb.settled();
}

describe("whiteboard log compaction", () => {
  it("keeps a snapshot and a short tail, and a reopened session has the same board and the same undo", async () => {
    const live = await Whiteboards.load(port({ everyOps: 10, everyBytes: 1 << 30 }));
    await draw(live, 95);
    const [snap] = await storage.listBoardSnapshots("s");
    expect(snap?.boardId).toBe("front");
    expect((await storage.listBoardOps("s")).length).toBeLessThan(10); // not 95

    const reopened = await Whiteboards.load(port({ everyOps: 10, everyBytes: 1 << 30 }));
    expect(reopened.snapshots()).toEqual(live.snapshots());
    // Undo stacks came through the snapshot: each person's next undo and redo patch the same on both.
    for (const actor of [ann, bob, ann])
      for (const op of [{ t: "undo" }, { t: "redo" }, { t: "undo" }] as BoardOp[]) {
        patches.length = 0;
        t += 500;
        const a = await live.op(actor.person, actor, { board: "front", op });
        const b = await reopened.op(actor.person, actor, { board: "front", op });
        expect(b).toEqual(a);
        expect(patches[1]).toEqual(patches[0]);
      }
  });

  it("compacts a log stored before compaction existed when the session opens", async () => {
    for (let i = 0; i < 40; i++) await storage.appendBoardOp("s", "front", { actor: ann, op: stroke(i) }, i);
    const wb = await Whiteboards.load(port({ everyOps: 25, everyBytes: 1 << 30 }));
    await wb.settled();
    expect(wb.snapshots()[0]!.items.length).toBe(40);
    expect(await storage.listBoardOps("s")).toEqual([]);
    expect((await Whiteboards.load(port())).snapshots()).toEqual(wb.snapshots());
  });
});

describe("whiteboard write budget", () => {
  it("refuses one person's strokes past the byte budget, not anyone else's, and refills with time", async () => {
    const wb = await Whiteboards.load(port());
    const big = stroke(1, 1000); // a maximal stroke, ~8 KB
    const size = JSON.stringify(big).length;
    let accepted = 0;
    let refusal: Awaited<ReturnType<Whiteboards["op"]>>;
    for (let i = 0; i < 40 && !refusal; i++) {
      t += 100; // 10 strokes a second: inside the ops limit
      refusal = await wb.op("c-ann", ann, { board: "front", op: { ...big, cid: i } });
      if (!refusal) accepted++;
    }
    expect(refusal).toEqual({ reason: "rate-limited", detail: "board writes over 128 KiB per 10 s" });
    const refilled = (BOARD_BYTES_PER_10S * (accepted + 1) * 100) / 10_000; // over the time it took
    expect(accepted * size).toBeLessThanOrEqual(BOARD_BYTES_PER_10S + refilled);
    expect(await wb.op("c-bob", bob, { board: "front", op: big })).toBeUndefined();
    expect(await wb.op("c-ann-again", ann, { board: "front", op: big })).toBeDefined(); // a new connection is the same person
    t += 10_000;
    expect(await wb.op("c-ann", ann, { board: "front", op: big })).toBeUndefined();
  });
});
