import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ClientMessage, ServerMessage, type BoardOp, type BoardPatch, type BoardSnapshot, type WireItem } from "@otc/contract";
import { BoardReplica, encodeDeltas } from "@otc/whiteboard";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";
import { BOARD_OPS_BURST } from "./whiteboards.js";

/** A test client's copy of every board, kept the way the real client keeps it. */
interface Boards {
  replicas: Map<string, BoardReplica>;
  ink: unknown[];
  patches: BoardPatch[];
  /** Which boards arrived whole, in order. */
  snapshots: Array<{ board: string }>;
}

function watchBoards(c: TestClient): Boards {
  const b: Boards = { replicas: new Map(), ink: [], patches: [], snapshots: [] };
  c.room.onMessage(ServerMessage.boardSnapshot, (s: BoardSnapshot) => {
    b.snapshots.push({ board: s.board });
    const r = b.replicas.get(s.board) ?? new BoardReplica(s.board);
    r.applySnapshot(s);
    b.replicas.set(s.board, r);
  });
  c.room.onMessage(ServerMessage.boardPatch, (p: BoardPatch) => {
    b.patches.push(p);
    b.replicas.get(p.board)?.applyPatch(p);
  });
  c.room.onMessage(ServerMessage.boardInk, (m: unknown) => b.ink.push(m));
  c.room.send(ClientMessage.boardSync, {});
  return b;
}

const items = (b: Boards, board = "front"): WireItem[] => b.replicas.get(board)?.ordered() ?? [];
const stroke = (x: number, y: number, cid = 1): BoardOp => ({ t: "stroke", cid, tool: "pen", colour: "#1565c0", width: 12, pts: encodeDeltas([x, y, x + 100, y + 40, x + 200, y]) });
const send = (c: TestClient, op: BoardOp, board = "front") => c.room.send(ClientMessage.boardOp, { board, op });

describe("whiteboards in the room", () => {
  let h: TestServer;
  let fac: TestClient;
  let pat: TestClient;
  let facBoards: Boards;
  let patBoards: Boards;
  const patKey = newPersonKey();

  beforeEach(async () => {
    h = await startTestServer();
    fac = await h.join("Fatou", {}, { kind: "facilitator" });
    pat = await h.join("Pablo", {}, { personKey: patKey });
    facBoards = watchBoards(fac);
    patBoards = watchBoards(pat);
    await eventually(() => facBoards.replicas.size === 2 && patBoards.replicas.size === 2);
  });
  afterEach(async () => h.close());

  it("sends each board of the room file, sized from its anchor", () => {
    const front = facBoards.replicas.get("front")!;
    expect([front.w, front.h, front.items.size]).toEqual([4096, 2420, 0]); // 2.2 m × 1.3 m
    expect(patBoards.replicas.get("side")!.h).toBe(2048);
  });

  it("answers a sync for one board with that board alone, and refuses a board that is not there", async () => {
    h.clock.now += 5000; // the join's sync spent a token
    const before = patBoards.snapshots.length;
    pat.room.send(ClientMessage.boardSync, { board: "side" });
    await eventually(() => patBoards.snapshots.length === before + 1);
    expect(patBoards.snapshots.at(-1)?.board).toBe("side");
    pat.room.send(ClientMessage.boardSync, { board: "nope" });
    await eventually(() => pat.notices.some((n) => /no board nope/.test(String(n.params?.detail))));
    expect(patBoards.snapshots.length).toBe(before + 1);
  });

  it("stores a stroke before anyone sees it, and everyone sees the same board", async () => {
    send(pat, stroke(100, 100, 7));
    await eventually(() => items(facBoards).length === 1 && items(patBoards).length === 1);
    expect(items(facBoards)).toEqual(items(patBoards));
    expect(facBoards.patches[0]).toMatchObject({ by: pat.room.sessionId, cid: 7, seq: 1 });
    expect((await h.server.storage.listBoardOps("demo")).length).toBe(1);
  });

  it("relays live ink to the others only, and never stores it", async () => {
    pat.room.send(ClientMessage.boardInk, { board: "front", cid: 3, from: 0, tool: "pen", colour: "#000000", width: 8, pts: [10, 10, 5, 5] });
    await eventually(() => facBoards.ink.length === 1);
    expect(facBoards.ink[0]).toMatchObject({ by: pat.room.sessionId, cid: 3 });
    await sleep(100);
    expect(patBoards.ink).toEqual([]);
    expect(await h.server.storage.listBoardOps("demo")).toEqual([]);
  });

  it("undoes only one's own strokes", async () => {
    send(pat, stroke(100, 100));
    send(fac, stroke(100, 600));
    await eventually(() => items(patBoards).length === 2);
    send(pat, { t: "undo" });
    await eventually(() => items(facBoards).length === 1);
    expect(items(facBoards)[0]!.id).toBe(2);
    send(pat, { t: "undo" }); // nothing left of Pablo's: refused, Fatou's stroke stays
    await eventually(() => pat.notices.some((n) => n.code === "invalid-message" && /nothing to undo/.test(String(n.params?.detail))));
    send(pat, { t: "redo" });
    await eventually(() => items(facBoards).length === 2);
  });

  it("lets only facilitators clear a board, and the clear is undoable", async () => {
    send(pat, stroke(100, 100));
    await eventually(() => items(facBoards).length === 1);
    send(pat, { t: "clear" });
    await eventually(() => pat.notices.some((n) => n.code === "not-allowed"));
    expect(items(facBoards).length).toBe(1);
    send(fac, { t: "clear" });
    await eventually(() => items(patBoards).length === 0);
    send(fac, { t: "undo" });
    await eventually(() => items(patBoards).length === 1);
    send(fac, { t: "template", name: "retro" }, "side");
    await eventually(() => items(patBoards, "side").filter((i) => i.k === "n").length === 3);
  });

  it("drops malformed and out-of-bounds operations, rate-limits floods, and keeps the room working for others", async () => {
    const room = h.serverRoom(fac);
    pat.room.send(ClientMessage.boardOp, "junk");
    pat.room.send(ClientMessage.boardOp, { board: "front", op: { t: "stroke", cid: 1, tool: "pen", colour: "#000000", width: 8, pts: new Array(2002).fill(1) } });
    pat.room.send(ClientMessage.boardOp, { board: "nope", op: { t: "undo" } });
    send(pat, stroke(4000, 100)); // leaves the board
    pat.room.send(ClientMessage.boardInk, { board: "front", cid: 1, from: 0, tool: "pen", colour: "#000000", width: 8, pts: new Array(300).fill(1) });
    await eventually(() => room.stats.dropped["invalid-message"] >= 5);
    for (let i = 0; i < BOARD_OPS_BURST + 10; i++) send(pat, stroke(10 + i, 100));
    await eventually(() => room.stats.dropped["rate-limited"] >= 10);
    send(fac, stroke(100, 900));
    await eventually(() => items(facBoards).some((s) => s.k === "s" && s.pts[1] === 900));
    // the unknown board and the off-board stroke passed the schema, so they took a token each
      expect(items(facBoards).length).toBe(BOARD_OPS_BURST - 2 + 1);
    expect(room.stats.errors).toBe(0);
    expect(fac.room.connection.isOpen && pat.room.connection.isOpen).toBe(true);
  });

  it("edits sticky notes; a late joiner gets the same boards", async () => {
    send(pat, { t: "note", colour: "#fff59d", text: "Idea", x: 200, y: 200, w: 400, h: 300 });
    await eventually(() => items(facBoards).length === 1);
    send(fac, { t: "note-edit", id: 1, text: "Better idea", x: 600 });
    await eventually(() => items(patBoards)[0]?.k === "n" && (items(patBoards)[0] as { text: string }).text === "Better idea");
    const late = await h.join("Late");
    const lateBoards = watchBoards(late);
    await eventually(() => lateBoards.replicas.size === 2);
    expect(items(lateBoards)).toEqual(items(facBoards));
  });
});

describe("whiteboards across a server restart", () => {
  it("rebuilds every board and each person's undo stack from storage", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "otc-wb-restart-"));
    const personKey = newPersonKey();
    try {
      const first = await startTestServer({ dataDir });
      const a = await first.join("Ann", {}, { personKey });
      const aBoards = watchBoards(a);
      await eventually(() => aBoards.replicas.size === 2);
      send(a, stroke(100, 100));
      send(a, stroke(300, 300));
      send(a, { t: "note", colour: "#fff59d", text: "keep me", x: 200, y: 900, w: 400, h: 300 }, "side");
      await eventually(() => items(aBoards).length === 2 && items(aBoards, "side").length === 1);
      const before = [items(aBoards), items(aBoards, "side")];
      await first.close();

      const second = await startTestServer({ dataDir });
      const again = await second.join("Ann", {}, { personKey });
      const againBoards = watchBoards(again);
      await eventually(() => againBoards.replicas.size === 2);
      expect([items(againBoards), items(againBoards, "side")]).toEqual(before);
      send(again, { t: "undo" }, "front"); // the same person's undo still works after the restart
      await eventually(() => items(againBoards).length === 1);
      expect(items(againBoards)[0]!.id).toBe(1);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
