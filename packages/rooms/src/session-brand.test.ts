import { roomLayoutSchema } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { parseSessionBrand, withSessionBrand } from "./session-brand.js";
import { testRoom } from "./test-room.js";

const banner = { text: "Welcome", position: [0, 2.6, -3.9] as [number, number, number], yawDeg: 0, width: 4 };
const template = (id: "lobby" | "meeting-room") =>
  testRoom(id === "lobby" ? { brand: { primary: "#1f6f8b", secondary: "#edae49", banner } } : { screens: [{ id: "main", position: [1, 1.5, -3.95], yawDeg: 0, width: 3, height: 1.7 }] });

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

  it("hangs banner text above a logo on a side wall, turned as the logo and in front of it", () => {
    const room = { ...template("meeting-room"), screens: [] };
    const onSide = { ...room, logo: { ...room.logo, position: [3.97, 2, 0] as [number, number, number], yawDeg: -90 } };
    const banner = withSessionBrand(onSide, { bannerText: "Welcome" }).brand!.banner!;
    expect(banner.yawDeg).toBe(-90);
    expect(banner.position[0]).toBeCloseTo(3.95); // 2 cm toward the room, not along the wall
    expect(banner.position[2]).toBeCloseTo(0);
    expect(banner.position[1]).toBeGreaterThan(2 + room.logo.size / 2);
  });

  it("reads the state's JSON, ignoring what does not parse", () => {
    expect(parseSessionBrand("")).toBeNull();
    expect(parseSessionBrand("{not json")).toBeNull();
    expect(parseSessionBrand('{"primary":"red"}')).toBeNull();
    expect(parseSessionBrand('{"primary":"#112233"}')).toEqual({ primary: "#112233" });
  });
});
