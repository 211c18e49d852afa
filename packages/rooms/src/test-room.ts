import { roomLayoutSchema, type RoomLayout, type RoomLayoutInput } from "@otc/contract";

/** A plain 10 × 8 m room with one screen and a logo, for the tests of this package. */
export const TEST_ROOM: RoomLayoutInput = {
  version: 2,
  id: "test-room",
  name: "Test room",
  size: [10, 3, 8],
  walkable: { minX: -4.5, maxX: 4.5, minZ: -3.5, maxZ: 3.5 },
  spawns: [{ position: [0, 0, 3], yawDeg: 0 }],
  screens: [{ id: "main", position: [0, 1.6, -3.95], yawDeg: 0, width: 3, height: 1.7 }],
  boards: [],
  logo: { position: [-3, 2, -3.95], size: 1, text: "Logo" },
  palette: { floor: "#886644", walls: "#eeeeee", accent: "#116688", ceiling: "#ffffff" },
};

/** TEST_ROOM with some fields replaced, parsed (defaults filled in). */
export const testRoom = (over: Partial<RoomLayoutInput> = {}): RoomLayout => roomLayoutSchema.parse({ ...TEST_ROOM, ...over });
