import { Room, validate, type Client, type RoomException } from "@colyseus/core";
import {
  ClientMessage,
  PRESENCE_HZ,
  SESSION_ID_PATTERN,
  ServerMessage,
  TrainingState,
  deviceMessageSchema,
  poseMessageSchema,
  type CleanJoinOptions,
  type Notice,
  type RoomLayout,
} from "@otc/contract";
import { defaultPoseRules } from "@otc/presence";
import { authenticateJoin } from "../features/participants/join-auth.js";
import { Roster } from "../features/participants/roster.js";
import { PoseIntake } from "../features/presence/pose-intake.js";
import { PresenceRelay } from "../features/presence/presence-relay.js";
import { lenient } from "../lenient-schema.js";

/** What a server hands every training room it creates (never taken from client options). */
export interface TrainingRoomConfig {
  layout: RoomLayout;
  /** Seconds a dropped participant keeps their seat. */
  reconnectWindowS: number;
  /** Wall clock in ms for message timing: the room clock only advances once per patch (50 ms). */
  now: () => number;
  log: (line: string) => void;
}

/** Hard ceiling per client per second; Colyseus disconnects above it. Far above the pose rate. */
export const MAX_MESSAGES_PER_SECOND = PRESENCE_HZ * 6;

/**
 * One training session (one room per session id). Thin on purpose: it wires Colyseus' lifecycle and
 * messages to the participants and presence features.
 */
export abstract class TrainingRoom extends Room<{ state: TrainingState }> {
  protected abstract readonly config: TrainingRoomConfig;

  override state = new TrainingState();
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;

  roster!: Roster;
  intake!: PoseIntake;
  private readonly relay = new PresenceRelay();

  /** Presence counters (accepted, clamped, dropped per reason); read by tests and operators. */
  get stats() {
    return this.intake.stats;
  }

  /**
   * Instance-level on purpose: a refusal thrown from the static onAuth travels as the HTTP status of
   * the matchmaking response, and 4403 is not a valid HTTP status (Colyseus answers 500). Thrown
   * here, it reaches the client over the socket as ServerError(JOIN_REFUSED_CODE, reason).
   */
  override onAuth(_client: Client, options: unknown): CleanJoinOptions {
    return authenticateJoin(options);
  }

  override messages = {
    [ClientMessage.pose]: validate(lenient(poseMessageSchema), (client: Client, message) => {
      const result = this.intake.receive(client.sessionId, message, this.config.now());
      const slot = this.roster.get(client.sessionId)?.slot;
      if (result.accepted && slot !== undefined) this.relay.set(slot, result.accepted);
      else if (!result.accepted) this.notify(client, result.notice);
    }),
    [ClientMessage.device]: validate(lenient(deviceMessageSchema), (client: Client, message) => {
      if (message.ok) this.roster.setDevice(client.sessionId, message.value.device);
      else this.notify(client, this.intake.refuse(client.sessionId, "invalid-message", this.config.now(), message.detail));
    }),
    _: (client: Client, type: string | number) => this.unknownMessage(client, type),
  };

  /** Fallback for message types nobody handles (Colyseus would disconnect the sender): drop and count. */
  private readonly unknownMessage = (client: Client, type: string | number) => {
    const notice = this.intake.refuse(client.sessionId, "invalid-message", this.config.now(), `unknown message type ${String(type).slice(0, 32)}`);
    this.notify(client, notice);
  };

  override onCreate(options: { sessionId?: unknown }): void {
    const { layout } = this.config;
    // onCreate runs before onAuth: a malformed id names an empty room that refuses everyone and is disposed.
    const id = options.sessionId;
    this.state.sessionId = typeof id === "string" && SESSION_ID_PATTERN.test(id) ? id : "";
    this.state.roomLayout = layout.id;
    this.roster = new Roster(this.state, layout);
    this.intake = new PoseIntake(defaultPoseRules(layout.walkable));
    this.clock.setInterval(() => {
      const frame = this.relay.tick();
      if (frame) this.broadcastBytes(ServerMessage.presenceFrame, frame, {});
    }, 1000 / PRESENCE_HZ);
  }

  override onJoin(client: Client, _options: unknown, auth: CleanJoinOptions): void {
    const { slot, spawn } = this.roster.join(client.sessionId, auth, this.clock.currentTime);
    // Sent before this client can receive any later delta: Colyseus queues both until the join is
    // acknowledged, in order. The joiner's own spawn goes out with the next delta.
    client.sendBytes(ServerMessage.presenceFrame, this.relay.keyframe());
    this.relay.set(slot, spawn);
  }

  override onDrop(client: Client): void {
    this.roster.setConnected(client.sessionId, false);
    // Rejected when the room is disposing (server shutdown); onLeave then frees the seat.
    this.allowReconnection(client, this.config.reconnectWindowS).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    this.roster.setConnected(client.sessionId, true);
    client.sendBytes(ServerMessage.presenceFrame, this.relay.keyframe());
  }

  override onLeave(client: Client): void {
    const slot = this.roster.leave(client.sessionId);
    if (slot !== undefined) this.relay.remove(slot);
    this.intake.forget(client.sessionId);
  }

  override onUncaughtException(error: RoomException, methodName: string): void {
    if (methodName === "onAuth") return; // a refused join, already answered with its reason
    this.intake.stats.errors++;
    this.config.log(`training room ${this.roomId}: ${methodName} failed: ${error.message}`);
  }

  private notify(client: Client, notice: Notice | undefined): void {
    if (notice) client.send(ServerMessage.notice, notice);
  }
}

/** A room class bound to one server's configuration (closure, not onCreate options a client could set). */
export function trainingRoomWith(config: TrainingRoomConfig): new () => TrainingRoom {
  return class ConfiguredTrainingRoom extends TrainingRoom {
    protected readonly config = config;
  };
}
