import type { ModelVerdict } from "../features/avatars/model-check.js";
import type { InspectResult } from "../features/room-import/model-jobs.js";
import type { UnpackResult } from "../features/room-import/room-archive.js";

/** The heavy checks of uploaded content that run in the parse pool: name → input and output. */
export interface ParseJobs {
  /** The avatar upload check (glTF header, JSON chunk, VRM extension or humanoid skeleton). */
  "avatar-model": { input: Uint8Array; output: ModelVerdict };
  /** A room archive unpacked with its inflation caps. */
  "room-archive": { input: Uint8Array; output: UnpackResult };
  /** A room model (GLB) parsed in full: its figures against the budget and its extensions. */
  "room-model-inspect": { input: Uint8Array; output: InspectResult };
  /** An optimised copy of a room model and what was done to it. */
  "room-model-optimise": { input: Uint8Array; output: { bytes: Uint8Array; notes: string[] } };
  /** Pages of an uploaded (or converted) PDF deck, parsed in full; fails when it cannot be read. */
  "pdf-pages": { input: Uint8Array; output: number };
  /** Only for the pool's own tests: spins the worker's CPU for `input` ms, then answers it. */
  "test-spin": { input: number; output: number };
}

export type ParseJobKind = keyof ParseJobs;

export interface ParseRequest {
  id: number;
  kind: ParseJobKind;
  input: unknown;
}

export type ParseReply = { id: number; ok: true; output: unknown } | { id: number; ok: false; error: string };
