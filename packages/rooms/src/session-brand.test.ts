import { roomLayoutSchema, type RoomLayoutInput } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { parseSessionBrand, withSessionBrand } from "./session-brand.js";

const base: RoomLayoutInput = {
  version: 2,
  id: "test-room",
  name: "Test room",
  size: [10, 3, 8],
  walkable: { minX: -4.5, maxX: 4.5, minZ: -3.5, maxZ: 3.5 },
  spawns: [{ position: [0, 0, 3], yawDeg: 0 }],
  screens: [{ id: "main", position: [1, 1.5, -3.95], yawDeg: 0, width: 3, height: 1.7 }],
  boards: [],
  logo: { position: [-3, 2, -3.95], size: 1, text: "Logo" },
  palette: { floor: "#886644", walls: "#eeeeee", accent: "#116688", ceiling: "#ffffff" },
};
const banner = { text: "Welcome", position: [0, 2.6, -3.9] as [number, number, number], yawDeg: 0, width: 4 };
const template = (id: "lobby" | "meeting-room") =>
  roomLayoutSchema.parse(id === "lobby" ? { ...base, brand: { primary: "#1f6f8b", secondary: "#edae49", banner } } : base);

describe("a session's brand over its room", () => {
  it("replaces only the fields it gives", () => {
    const lobby = template("lobby");
    const branded = withSessionBrand(lobby, { primary: "#aa2233", bannerText: "Bienvenue à la semaine d'accueil" });
    expect(branded.brand).toEqual({ ...lobby.brand, primary: "#aa2233", banner: { ...lobby.brand!.banner!, text: "Bienvenue à la semaine d'accueil" } });
    expect(branded.logo).toEqual(lobby.logo);
    expect(withSessionBrand(lobby, null)).toBe(lobby);
  });

  it("hangs banner text above the first screen of a room without a banner, and changes the drawn logo text", () => {
    const room = template("meeting-room");
    expect(room.brand?.banner).toBeUndefined();
    const branded = withSessionBrand(room, { bannerText: "Board meeting", logoText: "ACME", logoImage: "uploads/brand/0123456789abcdef0123456789abcdef.png" });
    const screen = room.screens[0]!;
    const banner = branded.brand!.banner!;
    expect(banner.text).toBe("Board meeting");
    expect(banner.position[0]).toBe(screen.position[0]);
    expect(banner.position[1]).toBeGreaterThan(screen.position[1] + screen.height / 2);
    expect(banner.position[1]).toBeLessThan(room.size[1]);
    expect(branded.logo.text).toBe("ACME");
    expect(branded.brand!.logoImage).toBe("uploads/brand/0123456789abcdef0123456789abcdef.png");
    expect(roomLayoutSchema.safeParse(branded).success).toBe(true);
  });

  it("reads the state's JSON, ignoring what does not parse", () => {
    expect(parseSessionBrand("")).toBeNull();
    expect(parseSessionBrand("{not json")).toBeNull();
    expect(parseSessionBrand('{"primary":"red"}')).toBeNull();
    expect(parseSessionBrand('{"primary":"#112233"}')).toEqual({ primary: "#112233" });
  });
});
