import { sessionBrandSchema, type RoomLayout, type SessionBrand } from "@otc/contract";

/** The session brand in the room state (JSON), or null when there is none or it does not parse. */
export function parseSessionBrand(json: string): SessionBrand | null {
  if (!json) return null;
  try {
    const parsed = sessionBrandSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The room as this session shows it: each field of the session's brand replaces the room's. Banner
 * text goes on the room's banner; a room without one gets a banner just above its first screen (or
 * above the logo when it has no screen).
 */
export function withSessionBrand(room: RoomLayout, brand: SessionBrand | null): RoomLayout {
  if (!brand) return room;
  const base = room.brand ?? { primary: room.palette.accent, secondary: "#ffffff" };
  const kit = { ...base };
  if (brand.logoImage) kit.logoImage = brand.logoImage;
  if (brand.primary) kit.primary = brand.primary;
  if (brand.secondary) kit.secondary = brand.secondary;
  if (brand.bannerText) kit.banner = { ...(base.banner ?? bannerSpot(room)), text: brand.bannerText };
  const logo = brand.logoText ? { ...room.logo, text: brand.logoText } : room.logo;
  return { ...room, logo, brand: kit };
}

function bannerSpot(room: RoomLayout): { position: [number, number, number]; yawDeg: number; width: number } {
  const round = (n: number) => Math.round(n * 100) / 100;
  /** 2 cm in front of a panel at (x, z) turned by yawDeg (0 faces +z). */
  const inFront = (x: number, y: number, z: number, yawDeg: number): [number, number, number] => {
    const a = (yawDeg * Math.PI) / 180;
    return [round(x + Math.sin(a) * 0.02), round(y), round(z + Math.cos(a) * 0.02)];
  };
  const screen = room.screens[0];
  if (screen) {
    const width = Math.min(screen.width, 6);
    const y = Math.min(room.size[1] - width / 16 - 0.05, screen.position[1] + screen.height / 2 + 0.15 + width / 16);
    return { position: inFront(screen.position[0], y, screen.position[2], screen.yawDeg), yawDeg: screen.yawDeg, width };
  }
  const { position, size } = room.logo;
  const yawDeg = room.logo.yawDeg ?? 0;
  return { position: inFront(position[0], Math.min(room.size[1] - 0.3, position[1] + size / 2 + 0.3), position[2], yawDeg), yawDeg, width: 3 };
}
