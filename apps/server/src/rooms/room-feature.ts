import type { Client } from "@colyseus/core";
import type { Notice, RejectionCode, Role, RoomLayout, TrainingState, CleanJoinOptions } from "@otc/contract";
import type { AvatarPose } from "@otc/presence";
import type { z } from "zod";
import type { Roster } from "../features/participants/roster.js";
import type { Refusals } from "./refusals.js";
import type { SessionRecord, Storage } from "../storage/storage.js";
import type { TrainingRoomConfig } from "./training-room-config.js";

/** Sustained messages per second one person may send of one type, and how many may arrive at once. */
export interface MessageRate {
  perSecond: number;
  burst: number;
}

/**
 * One client message a feature handles. Every message declares its zod schema (sizes bounded there:
 * strings and arrays have maxima; frames are capped by the transport's maxPayload) and its per-person
 * rate: the room parses and limits before `handle` runs, so no message can be added without both.
 */
export interface MessageSpec<T> {
  readonly schema: z.ZodType<T>;
  readonly rate: MessageRate;
  handle(client: Client, value: T): unknown;
  /** Overrides the default answer to a malformed message (counted as invalid-message, sender told why). */
  invalid?(client: Client, detail: string): void;
}

/** Builds a MessageSpec with the handler's value typed from the schema. */
export function message<S extends z.ZodType>(
  schema: S,
  rate: MessageRate,
  handle: (client: Client, value: z.output<S>) => unknown,
  invalid?: (client: Client, detail: string) => void,
): MessageSpec<z.output<S>> {
  return { schema: schema as z.ZodType<z.output<S>>, rate, handle, ...(invalid ? { invalid } : {}) };
}

/** A person who has just taken a seat (the roster has placed them). */
export interface JoinedPerson {
  personId: string;
  linkKind: "participant" | "facilitator";
  role: Role;
  options: CleanJoinOptions;
  slot: number;
  spawn: AvatarPose;
}

/** A join that the invitation admitted, before it takes a seat (features may still keep it out). */
export interface KnockingPerson {
  personId: string;
  name: string;
  role: Role;
}

/** Why a feature keeps a join out: the text the page shows, and the join error code (JOIN_REFUSED_CODE by default). */
export interface KeptOut {
  text: string;
  code?: number;
}

/** A person whose seat has just been freed (read before the roster forgot them). */
export interface DepartedPerson {
  personId: string;
  name: string;
  role: Role;
  device: CleanJoinOptions["device"];
  slot: number;
}

/** What every feature of one training room is given: one object instead of closures passed five times. */
export interface RoomContext {
  readonly state: TrainingState;
  readonly roster: Roster;
  readonly storage: Storage;
  readonly config: TrainingRoomConfig;
  /** The stored session this room runs; undefined when none exists (every join is refused). */
  readonly session: SessionRecord | undefined;
  /** "" in a room no stored session owns. */
  readonly sessionId: string;
  readonly layout: RoomLayout;
  /** Every refused message of the room, counted by reason (read by tests and operators). */
  readonly refusals: Refusals;
  /** Wall clock, ms (the room clock only advances once per patch). */
  now(): number;
  log(line: string): void;
  /** Counts a refused message and tells the sender why (throttled per sender). */
  refuse(client: Client, reason: RejectionCode, detail?: string): void;
  notify(client: Client, notice: Notice | undefined): void;
  /** Sends to one connection by session id; false when it is not connected. */
  send(id: string, type: string | number, payload: unknown): boolean;
  /**
   * A bytes message to one connection, for a hot path (a frame to every viewer 20 times a second): the
   * bytes to put in front of a message of `type` (room for the WebSocket frame's header, then Colyseus'
   * header), and a send for a message built with them in front (one socket write, no copy; Colyseus' own
   * `sendBytes` copies it twice and ws writes it in two pieces).
   */
  framedBytes(type: number): { header: Uint8Array; send(client: Client, framed: Uint8Array): void };
  broadcast(type: string | number, payload: unknown, except?: string): void;
  broadcastBytes(type: number, bytes: Uint8Array): void;
  /** Runs `tick` every `ms` on the room clock until the room is disposed. */
  every(ms: number, tick: () => void): void;
  /** Runs `run` in a later turn of the event loop, once pending I/O is handled (a long piece of work in parts); never after the room is disposed. */
  soon(run: () => void): void;
  /** Tells every feature that a person's pose was accepted (presence calls it). */
  moved(id: string, pose: AvatarPose): void;
  /**
   * Takes a person's seat away: a connected person is told why (`notice`) and disconnected with
   * JOIN_REFUSED_CODE (their page does not rejoin); a dropped one's reconnection is refused.
   */
  remove(id: string, notice: Notice): void;
  /** Tells everyone the session ended, then closes every connection. */
  endSession(): void;
}

/**
 * One capability of a training room: its messages and the lifecycle hooks it needs. A feature is
 * made once per room by its factory (see room-features.ts), in the listed order; hooks run in that
 * order too.
 */
export interface RoomFeature {
  readonly name: string;
  readonly messages?: Readonly<Record<string, MessageSpec<unknown>>>;
  /** Runs before a join takes a seat; an answer keeps the person out with that reason. */
  gate?(person: KnockingPerson): KeptOut | undefined | Promise<KeptOut | undefined>;
  join?(client: Client, person: JoinedPerson): void;
  drop?(client: Client): void;
  reconnect?(client: Client): void;
  leave?(client: Client, person: DepartedPerson | undefined): void;
  moved?(id: string, pose: AvatarPose): void;
  dispose?(): void | Promise<void>;
}

export type FeatureFactory = (ctx: RoomContext) => RoomFeature | Promise<RoomFeature>;
