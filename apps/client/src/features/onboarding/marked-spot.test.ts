import { readFileSync } from "node:fs";
import { roomLayoutSchema } from "@otc/contract";
import { obstacleRects, seatPlacements } from "@otc/rooms";
import { describe, expect, it } from "vitest";
import { markedSpot, SPOT_RADIUS, type SpotGround } from "./marked-spot.js";

// The training room as shipped: rows of desks with two chairs each either side of a middle aisle, spawns behind them facing the front (−z).
const room = roomLayoutSchema.parse(JSON.parse(readFileSync(new URL("../../../../../assets/rooms/training-room.json", import.meta.url), "utf8")));
const seats = seatPlacements(room).map((p) => [p.position[0], p.position[2]] as const);
const ground: SpotGround = { walkable: room.walkable, obstacles: obstacleRects(room), seats };
const VR_AHEAD = 2.2;
const DESKTOP_AHEAD = 3.4;

const nearestSeat = ([x, z]: [number, number]) => Math.min(...seats.map(([sx, sz]) => Math.hypot(sx - x, sz - z)));

describe("the onboarding's marked spot", () => {
  it("lies straight ahead where the floor there is clear: from the middle spawn, in the aisle", () => {
    const spot = markedSpot(0, 3.5, 0, DESKTOP_AHEAD, ground);
    expect(spot[0]).toBeCloseTo(0, 5);
    expect(spot[1]).toBeCloseTo(0.1, 5);
    expect(nearestSeat(spot)).toBeGreaterThan(SPOT_RADIUS + 0.3);
  });

  it("turns away from the chairs: straight ahead of the second spawn in VR is among a row of seats", () => {
    // 2.2 m ahead of (-1.5, 3.8) is (-1.5, 1.6), 0.35 m from the seat at (-1.45, 1.95): the ring would lie under a chair
    expect(nearestSeat([-1.5, 1.6])).toBeLessThan(0.5);
    const spot = markedSpot(-1.5, 3.8, 0, VR_AHEAD, ground);
    expect(nearestSeat(spot)).toBeGreaterThan(SPOT_RADIUS + 0.3);
    expect(Math.hypot(spot[0] + 1.5, spot[1] - 3.8)).toBeCloseTo(VR_AHEAD, 1); // as far as asked, in another direction
    expect(spot[1]).toBeLessThan(3.8); // still in front of the person (45° to the right, towards the aisle)
  });

  it("keeps every spot from a spawn on the walkable floor, reachable and off the chairs", () => {
    for (const spawn of room.spawns) {
      for (const ahead of [VR_AHEAD, DESKTOP_AHEAD]) {
        const yaw = (spawn.yawDeg * Math.PI) / 180;
        const [x, z] = markedSpot(spawn.position[0], spawn.position[2], yaw, ahead, ground);
        expect(x).toBeGreaterThanOrEqual(room.walkable.minX);
        expect(x).toBeLessThanOrEqual(room.walkable.maxX);
        expect(nearestSeat([x, z])).toBeGreaterThan(SPOT_RADIUS + 0.3);
        expect(Math.hypot(x - spawn.position[0], z - spawn.position[2])).toBeGreaterThanOrEqual(SPOT_RADIUS * 2.5);
      }
    }
  });

  it("still marks a reachable spot where chairs stand all around (chairs do not block walking)", () => {
    const ring: Array<readonly [number, number]> = [];
    for (let a = 0; a < 360; a += 15) for (const r of [1.5, 2.2, 3]) ring.push([Math.sin((a * Math.PI) / 180) * r, Math.cos((a * Math.PI) / 180) * r] as const);
    const spot = markedSpot(0, 0, 0, VR_AHEAD, { walkable: { minX: -10, maxX: 10, minZ: -10, maxZ: 10 }, obstacles: [], seats: ring });
    expect(spot[0]).toBeCloseTo(0, 5);
    expect(spot[1]).toBeCloseTo(-VR_AHEAD, 5);
  });
});
