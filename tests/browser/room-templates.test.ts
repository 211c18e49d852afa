// Every room template, as a new user meets it: join, look around (screenshot), take the emulated
// headset in and teleport onto free floor, come back to the desktop and walk up to a slide screen.
import path from "node:path";
import type { RoomLayout } from "@otc/contract";
import { canLandAt, floorHeightAt, obstacleRects } from "@otc/rooms";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { resultsDir } from "../harness/paths.js";
import { teleportInVr } from "../harness/vr-teleport.js";

const TEMPLATES = ["lobby", "classroom", "auditorium", "meeting-room", "breakout-pods"];
const suite = browserSuite();

/** A straight line on free floor, checked every 10 cm with a body's width of margin. */
function clear(room: RoomLayout, a: [number, number], b: [number, number]): boolean {
  const obstacles = obstacleRects(room);
  const n = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 0.1);
  for (let i = 0; i <= n; i++) {
    const x = a[0] + ((b[0] - a[0]) * i) / n;
    const z = a[1] + ((b[1] - a[1]) * i) / n;
    for (const [dx, dz] of [[0, 0], [0.3, 0], [-0.3, 0], [0, 0.3], [0, -0.3]] as const) if (!canLandAt(x + dx, z + dz, room.walkable, obstacles)) return false;
  }
  return true;
}

/** Waypoints from `from` to `to` through an aisle: straight if clear, else along the first clear column. */
function route(room: RoomLayout, from: [number, number], to: [number, number]): Array<[number, number]> {
  if (clear(room, from, to)) return [to];
  const xs: number[] = [];
  for (let x = room.walkable.minX + 0.4; x <= room.walkable.maxX - 0.4; x += 0.1) xs.push(+x.toFixed(2));
  xs.sort((a, b) => Math.abs(a - from[0]) - Math.abs(b - from[0]));
  const aisle = xs.find((x) => clear(room, from, [x, from[1]]) && clear(room, [x, from[1]], [x, to[1]]) && clear(room, [x, to[1]], to));
  if (aisle === undefined) throw new Error(`no clear aisle in ${room.id}`);
  return [[aisle, from[1]], [aisle, to[1]], to];
}

describe.each(TEMPLATES)("the %s template", (template) => {
  it("loads and renders, takes a VR teleport onto free floor, and lets a desktop user walk up to a screen", async () => {
    const visitor = await suite.openPerson("Visitor", { vr: true });
    const { page } = visitor;
    await visitor.join(await suite.server.invite(`tpl-${template}`, "participant", template));
    const room = await visitor.hook<RoomLayout>("otc.layout()");
    expect(room.id).toBe(template);
    await visitor.waitFrames(3);
    await visitor.shot(`room-${template}.png`);
    if (room.brand?.logoImage) {
      // The brand kit's logo picture comes from our own server, not the drawn text logo.
      const logo = room.brand.logoImage;
      const fetched = () => page.evaluate((name) => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(`/assets/${name}`)).map((e) => (e as PerformanceResourceTiming).responseStatus), logo);
      await expect.poll(fetched, { timeout: 30_000 }).toContain(200);
    }
    const info = await visitor.hook<{ calls: number; triangles: number }>("otc.renderInfo()");
    expect(info.calls).toBeGreaterThan(10); // a furnished room, not an empty canvas

    // VR: aim the right controller 25° down, turned toward a direction whose landing (≈ 1.9 m away) is free floor.
    const start = await visitor.hook<number[]>("otc.localHead()");
    const obstacles = obstacleRects(room);
    const ahead = (yawDeg: number, d: number): [number, number] => [start[0]! - Math.sin((yawDeg * Math.PI) / 180) * d, start[2]! - Math.cos((yawDeg * Math.PI) / 180) * d];
    const yaw = [0, 30, -30, 60, -60, 90, -90, 135, -135, 180].find((y) => [1.4, 1.9, 2.4].every((d) => canLandAt(...ahead(y, d), room.walkable, obstacles)));
    expect(yaw, "a free landing spot around the spawn").toBeDefined();
    const { landed } = await teleportInVr(visitor, yaw!, path.join(resultsDir, `room-${template}-vr.png`));
    expect(canLandAt(landed[0]!, landed[2]!, room.walkable, obstacles)).toBe(true);
    await visitor.hook("otc.xrStore.getState().session.end()");
    await visitor.waitFor(`window.__otc.xrStore.getState().session == null`, "the XR session to end", 20_000);

    // Desktop: click-to-walk, around the furniture, to stand in front of the first screen.
    const screen = room.screens[0]!;
    const target: [number, number] = [screen.position[0], Math.max(room.walkable.minZ, screen.position[2] + 1.2)];
    let here = await visitor.hook<number[]>("otc.localHead()");
    // From where the teleport landed, or else back along the (clear) teleport line to where it started.
    let waypoints: Array<[number, number]>;
    try {
      waypoints = route(room, [here[0]!, here[2]!], target);
    } catch {
      waypoints = [[start[0]!, start[2]!], ...route(room, [start[0]!, start[2]!], target)];
    }
    for (const [x, z] of waypoints) {
      await visitor.hook(`otc.walkTo(${x}, ${z})`);
      // On a timeout the message's "seen" gives the head where the walk stopped.
      await visitor.waitFor(`Math.hypot(window.__otc.localHead()[0] - ${x}, window.__otc.localHead()[2] - ${z}) < 0.3`, `walking to ${x}, ${z}`, 90_000);
    }
    here = await visitor.hook<number[]>("otc.localHead()");
    expect(Math.hypot(here[0]! - screen.position[0], here[2]! - screen.position[2])).toBeLessThan(2);
    // Eyes 1.6 m above the floor stood on; on a stage, up on it rather than sunk into it.
    await visitor.waitFor(`Math.abs(window.__otc.localHead()[1] - ${1.6 + floorHeightAt(room, here[0]!, here[2]!)}) < 0.01`, "eyes 1.6 m above the floor stood on", 10_000);
    const stage = room.furniture.find((f) => f.kind === "stage");
    if (stage) {
      await visitor.hook(`otc.walkTo(${stage.position[0]}, ${stage.position[2]})`);
      const top = floorHeightAt(room, stage.position[0], stage.position[2]);
      expect(top).toBeGreaterThan(0.2);
      await visitor.waitFor(`Math.hypot(window.__otc.localHead()[0] - ${stage.position[0]}, window.__otc.localHead()[2] - ${stage.position[2]}) < 0.3 && Math.abs(window.__otc.localHead()[1] - ${1.6 + top}) < 0.01`, "to stand up on the stage", 60_000);
    }
    await visitor.shot(`room-${template}-at-screen.png`);
    await visitor.close();
  });
});
