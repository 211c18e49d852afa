import { z } from "zod";

/**
 * What a room must fit to run on a Quest-class headset (standalone, mobile GPU). Imported models are
 * reported against it and the optimiser aims under it; the templates are benchmarked against it.
 */
export const QUEST_BUDGET = {
  triangles: 100_000,
  drawCalls: 50,
  /** Largest texture edge, px. */
  textureSize: 2048,
  /** All textures decoded to RGBA8 with mipmaps, bytes. */
  textureMemoryBytes: 128 * 1024 * 1024,
} as const;

/** Largest GLB a facilitator may upload, bytes (Frame caps at 50 MB). */
export const MAX_MODEL_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Largest room archive (room file + model + logo), bytes. */
export const MAX_ROOM_ARCHIVE_BYTES = 60 * 1024 * 1024;

export const BUDGET_METRICS = ["triangles", "drawCalls", "textureSize", "textureMemoryBytes"] as const;
export type BudgetMetric = (typeof BUDGET_METRICS)[number];

const vec3 = z.tuple([z.number(), z.number(), z.number()]);
const rect = z.object({ minX: z.number(), maxX: z.number(), minZ: z.number(), maxZ: z.number() });

/** Content hash of an uploaded or optimised GLB (sha-256, first 32 hex digits); names it in URLs. */
export const modelIdSchema = z.string().regex(/^[a-f0-9]{32}$/, "a model id is 32 hex digits");

/** One line of the budget report: a figure of the model against the Quest budget. */
export const budgetCheckSchema = z.object({ metric: z.enum(BUDGET_METRICS), value: z.number(), limit: z.number(), ok: z.boolean() });
export type BudgetCheck = z.infer<typeof budgetCheckSchema>;

/**
 * The budget report of an uploaded model (`POST /api/room-models`, `GET /api/room-models/:id`), in
 * the model's own coordinates (metres, y up). Floor and walls are found by mesh name (/floor|ground/,
 * /wall/); without a floor mesh the floor is the lowest large horizontal extent (`floor.height`).
 */
export const modelReportSchema = z.object({
  modelId: modelIdSchema,
  bytes: z.number().int(),
  triangles: z.number().int(),
  drawCalls: z.number().int(),
  materials: z.number().int(),
  textures: z.array(z.object({ name: z.string(), width: z.number().int(), height: z.number().int(), mimeType: z.string(), bytes: z.number().int() })),
  textureMemoryBytes: z.number(),
  bounds: z.object({ min: vec3, max: vec3 }),
  /** Names of the model's nodes with meshes (at most 200), to pick floor meshes by hand. */
  meshNames: z.array(z.string()),
  floor: z.object({ height: z.number(), meshes: z.array(z.string()), rects: z.array(rect) }),
  walls: z.array(rect),
  checks: z.array(budgetCheckSchema),
  withinBudget: z.boolean(),
  /** false when it uses compression the room client does not decode (Draco, KTX2): use an optimised copy. */
  clientReady: z.boolean(),
  /** Set on an optimised copy: the model it was made from. */
  optimisedFrom: modelIdSchema.optional(),
  /** What the server noticed or changed, in sentences (e.g. "Draco compression decoded"). */
  notes: z.array(z.string()),
});
export type ModelReport = z.infer<typeof modelReportSchema>;

/** Body of `POST /api/room-models/:id/optimise`: optional floor height override is not needed; options stay fixed for now. */
export const optimiseRequestSchema = z.object({}).strict();

/** Answer to `POST /api/rooms` and `POST /api/rooms/archive` when the room file is refused: one sentence per problem, each naming its path. */
export interface RoomFileRefusal {
  error: string;
  errors: string[];
}
