import { z } from "zod";
import { voiceRoomSchema } from "./voice.js";

const vec3 = z.tuple([z.number(), z.number(), z.number()]);
const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/);

const anchorId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "ids: lower-case letters, digits and '-'");

/**
 * A flat, upright panel in the room (a slide screen or a whiteboard): centre position in metres,
 * facing +z rotated by `yawDeg` about the vertical axis, and its visible size in metres.
 */
export const panelAnchorSchema = z.object({
  id: anchorId,
  position: vec3,
  yawDeg: z.number().min(-360).max(360).default(0),
  width: z.number().positive().max(20),
  height: z.number().positive().max(12),
});
export type PanelAnchor = z.infer<typeof panelAnchorSchema>;

const rect = z
  .object({ minX: z.number(), maxX: z.number(), minZ: z.number(), maxZ: z.number() })
  .refine((r) => r.maxX > r.minX && r.maxZ > r.minZ, "max must be greater than min");

/** A rectangular repeat of one placement: `columns` along local x every `dx` m, `rows` along local z every `dz` m. */
const gridSchema = z.object({
  columns: z.number().int().min(1).max(60),
  rows: z.number().int().min(1).max(60),
  dx: z.number().min(0).max(20),
  dz: z.number().min(0).max(20),
});

/** Built-in furniture our renderer draws (instanced, Quest-friendly); sizes in metres are fixed per kind. */
export const FURNITURE_KINDS = ["desk", "long-table", "round-table", "sofa", "plant", "lectern", "stage", "reception", "divider"] as const;
export type FurnitureKind = (typeof FURNITURE_KINDS)[number];

export const furnitureSchema = z.object({
  kind: z.enum(FURNITURE_KINDS),
  position: vec3,
  yawDeg: z.number().min(-360).max(360).default(0),
  /** Stage only: platform width × depth × height. */
  size: vec3.optional(),
  grid: gridSchema.optional(),
});
export type Furniture = z.infer<typeof furnitureSchema>;

/** Where people sit (a chair is drawn at each); `grid` lays out rows of seats in one line. */
export const seatBlockSchema = z.object({ position: vec3, yawDeg: z.number().min(-360).max(360).default(0), grid: gridSchema.optional() });
export type SeatBlock = z.infer<typeof seatBlockSchema>;

/** A door to another room: a framed doorway with a label; `to` names a room template or session. */
export const portalSchema = z.object({
  id: anchorId,
  label: z.string().min(1).max(40),
  position: vec3,
  yawDeg: z.number().min(-360).max(360).default(0),
  to: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/),
});

/**
 * An imported model drawn as the room: served from `/assets/imported/<modelId>.glb`; `offset` moves
 * the model's origin (metres) so that its floor lies at y = 0 and its footprint is centred.
 */
export const environmentSchema = z.object({
  model: z.string().regex(/^imported\/[a-f0-9]{32}\.glb$/, "environment.model: imported/<32 hex>.glb"),
  offset: vec3.default([0, 0, 0]),
});
export type RoomEnvironment = z.infer<typeof environmentSchema>;

/** The model id in an environment's `imported/<id>.glb`. */
export const environmentModelId = (env: RoomEnvironment) => env.model.slice("imported/".length, -".glb".length);

export const LIGHTING_PRESETS = ["daylight", "warm", "evening"] as const;

/** Path of a PNG/JPEG/SVG under /assets (e.g. "brand/logo.svg" or an uploaded "uploads/brand/<id>.png"). */
export const logoImageSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9/_.-]{0,119}\.(png|jpe?g|svg)$/i, "logoImage: a .png, .jpg or .svg path under assets/")
  .refine((p) => !p.split("/").includes(".."), "logoImage: a path under assets/");

/** Logo, colours and welcome banner; a session may override them (sessionBrandSchema). */
export const brandKitSchema = z.object({
  /** Without it the logo text is drawn. */
  logoImage: logoImageSchema.optional(),
  primary: hex,
  secondary: hex,
  banner: z.object({ text: z.string().max(80), position: vec3, yawDeg: z.number().default(0), width: z.number().positive().max(20) }).optional(),
});
export type BrandKit = z.infer<typeof brandKitSchema>;

/**
 * A session's own brand over its room's (`POST /api/sessions/:id/brand`): each field given replaces
 * the room's; the banner text goes on the room's banner, or above the first screen if it has none.
 */
export const sessionBrandSchema = z
  .object({
    logoImage: logoImageSchema.optional(),
    logoText: z.string().trim().max(40).optional(),
    primary: hex.optional(),
    secondary: hex.optional(),
    bannerText: z.string().trim().max(80).optional(),
  })
  .strict();
export type SessionBrand = z.infer<typeof sessionBrandSchema>;

/**
 * The room file: walkable bounds, spawn points, slide screens, whiteboards, the logo spot and the
 * palette. Version 2 replaced the single `screen` with `screens` and added `boards`, furniture,
 * seats, colliders, portals, lighting and the brand kit (all but screens and boards optional).
 */
export const roomLayoutSchema = z.object({
  version: z.literal(2),
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** Interior size in metres: x width, y height, z depth; the floor is centred on the origin at y = 0. */
  size: vec3,
  /** Walkable area for heads and teleports, metres, inset from the walls. */
  walkable: z.object({ minX: z.number(), maxX: z.number(), minZ: z.number(), maxZ: z.number() }),
  spawns: z.array(z.object({ position: vec3, yawDeg: z.number() })).min(1),
  /** Slide screens; ids are unique within the room and name the screen in messages. */
  screens: z.array(panelAnchorSchema).max(16),
  /** Whiteboards; ids are unique within the room. */
  boards: z.array(panelAnchorSchema).max(16),
  /** The logo panel; `yawDeg` turns it about the vertical (0 faces +z), so it can hang on any wall. */
  logo: z.object({ position: vec3, size: z.number().positive(), text: z.string().max(40), yawDeg: z.number().min(-360).max(360).optional() }),
  palette: z.object({ floor: hex, walls: hex, accent: hex, ceiling: hex }),
  /** The built-in room shell (floor, walls, windows, ceiling lights); off for an imported model that has its own. */
  shell: z
    .object({
      /** false: no walls, ceiling or windows are drawn and the floor is an invisible click/teleport surface (the model is the room). */
      walls: z.boolean().default(true),
      windows: z.enum(["right", "left", "both", "none"]).default("right"),
    })
    .default({ walls: true, windows: "right" }),
  /** An imported glTF model that is the room's architecture (see room-import.ts). */
  environment: environmentSchema.optional(),
  furniture: z.array(furnitureSchema).max(500).default([]),
  seats: z.array(seatBlockSchema).max(200).default([]),
  /** Extra obstacles for desktop walking and teleport landings (furniture has its own footprint). */
  colliders: z.array(rect).max(200).default([]),
  portals: z.array(portalSchema).max(16).default([]),
  lighting: z.object({ preset: z.enum(LIGHTING_PRESETS).default("daylight"), exposure: z.number().min(0.3).max(2).default(1.05) }).default({ preset: "daylight", exposure: 1.05 }),
  brand: brandKitSchema.optional(),
  voice: voiceRoomSchema.optional(),
}).superRefine((room, ctx) => {
  for (const key of ["screens", "boards"] as const) {
    const seen = new Set<string>();
    room[key].forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: "custom", path: [key, i, "id"], message: `duplicate id "${a.id}"` });
      seen.add(a.id);
    });
  }
});
export type RoomLayout = z.infer<typeof roomLayoutSchema>;
export type RoomLayoutInput = z.input<typeof roomLayoutSchema>;

/**
 * Where the person holding `slot` first appears: the layout's spawn points, round robin. Server and
 * client both derive it from the slot in the state, so they agree without a message.
 */
export function spawnPointFor(layout: RoomLayout, slot: number): RoomLayout["spawns"][number] {
  return layout.spawns[slot % layout.spawns.length]!;
}
