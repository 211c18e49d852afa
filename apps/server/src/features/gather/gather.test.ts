import { GATHER_RING } from "@otc/breakouts";
import { seatPlacements } from "@otc/rooms";
import { GatherMessage, GatherServerMessage, roomLayoutSchema, type GatherMove, type GatherStatePayload } from "@otc/contract";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ASSETS_DIR, eventually, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";

let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function watch(c: TestClient) {
  const seen = { state: null as GatherStatePayload | null, moves: [] as GatherMove[] };
  c.room.onMessage(GatherServerMessage.state, (s: GatherStatePayload) => void (seen.state = s));
  c.room.onMessage(GatherServerMessage.move, (m: GatherMove) => void seen.moves.push(m));
  return seen;
}

describe("gathering people", () => {
  it("shows everyone a 5 s countdown, then moves everyone but those who stay around the facilitator", async () => {
    h = await startTestServer();
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const ada = await h.join("Ada");
    const ben = await h.join("Ben");
    const [f, a, b] = [watch(fac), watch(ada), watch(ben)];
    h.clock.now = 2_000_000;
    fac.room.send(GatherMessage.start, { to: "facilitator", allowStay: true });
    await eventually(() => a.state?.gather !== null && a.state?.gather !== undefined && b.state?.gather !== null && b.state?.gather !== undefined);
    expect(a.state!.gather).toMatchObject({ to: "facilitator", endsAt: 2_005_000, by: "Fatou", allowStay: true });
    ben.room.send(GatherMessage.stay, {});
    await eventually(() => a.state?.gather?.staying.length === 1);
    await sleep(300);
    expect(a.moves).toEqual([]); // nobody moves before the countdown ends
    h.clock.now = 2_005_000;
    await eventually(() => a.moves.length === 1 && a.state?.gather === null);
    // The facilitator has not moved: the ring is round their spawn point, and Ada faces them.
    const spawnIndex = h.serverRoom(fac).state.participants.get(fac.room.sessionId)!.spawn;
    const room = JSON.parse(await readFile(path.join(ASSETS_DIR, "rooms/training-room.json"), "utf8")) as { spawns: { position: number[] }[] };
    const [cx, , cz] = room.spawns[spawnIndex]!.position as [number, number, number];
    expect(b.moves).toEqual([]); // Ben stayed
    expect(f.moves).toEqual([]); // the facilitator is the centre
    const m = a.moves[0]!;
    expect(Math.hypot(m.x - cx, m.z - cz)).toBeCloseTo(GATHER_RING, 1);
    expect(-Math.sin(m.yaw) * (cx - m.x) - Math.cos(m.yaw) * (cz - m.z)).toBeGreaterThan(0); // looking towards the facilitator
  });

  it("lines people up before a named screen of the room file and refuses a participant, an unknown spot and staying when not allowed", async () => {
    h = await startTestServer();
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const ada = await h.join("Ada");
    const a = watch(ada);
    ada.room.send(GatherMessage.start, { to: "seats", allowStay: false });
    fac.room.send(GatherMessage.start, { to: "spot", spot: "no-such-screen" });
    const dropped = h.serverRoom(ada).refusals.stats.dropped;
    await eventually(() => dropped["not-allowed"] === 1 && dropped["invalid-message"] === 1);
    fac.room.send(GatherMessage.start, { to: "spot", spot: "main", allowStay: false });
    await eventually(() => a.state?.gather?.spot === "main");
    ada.room.send(GatherMessage.stay, {});
    await eventually(() => dropped["not-allowed"] === 2);
    h.clock.now += 5_000;
    await eventually(() => a.moves.length === 1); // Ada could not stay
    expect(h.serverRoom(ada).state.roomLayout).toBe("training-room"); // screen "main" at z −5.94, facing +z
    expect(a.moves[0]!.z).toBeGreaterThan(-5.94 + GATHER_RING);
    expect(a.moves[0]!.yaw).toBe(0); // facing the screen
  });

  it("seats everyone, the facilitator too, each on a different seat of the room file, facing the seat's way", async () => {
    h = await startTestServer();
    const fac = await h.join("Fatou", {}, { kind: "facilitator" });
    const people = [fac, await h.join("Ada"), await h.join("Ben"), await h.join("Cy")];
    const seen = people.map(watch);
    fac.room.send(GatherMessage.start, { to: "seats" });
    await eventually(() => seen.every((s) => s.state?.gather?.to === "seats"));
    h.clock.now += 5_000;
    await eventually(() => seen.every((s) => s.moves.length === 1));
    const layout = roomLayoutSchema.parse(JSON.parse(await readFile(path.join(ASSETS_DIR, "rooms/training-room.json"), "utf8")));
    const seats = seatPlacements(layout);
    const moves = seen.map((s) => s.moves[0]!);
    for (const m of moves) {
      const seat = seats.find((p) => Math.hypot(p.position[0]! - m.x, p.position[2]! - m.z) < 0.01);
      expect(seat, `a seat at (${m.x}, ${m.z})`).toBeDefined();
      expect(m.yaw).toBeCloseTo((seat!.yawDeg * Math.PI) / 180, 5);
    }
    expect(new Set(moves.map((m) => `${m.x},${m.z}`)).size).toBe(4); // nobody shares a seat
  });
});
