import { Room, ServerError, validate, type Client, type RoomException } from "@colyseus/core";
import {
  ClientMessage,
  JOIN_REFUSED_CODE,
  PRESENCE_HZ,
  SESSION_ENDED_CODE,
  SESSION_ID_PATTERN,
  ServerMessage,
  TrainingState,
  deviceMessageSchema,
  poseMessageSchema,
  rejectionText,
  setRoleMessageSchema,
  voiceModerateSchema,
  voiceMuteSchema,
  voiceSfuClientSchema,
  voiceSignalSchema,
  type Notice,
  type RoomLayout,
} from "@otc/contract";
import { defaultPoseRules } from "@otc/presence";
import { AttendanceLog } from "../features/attendance/attendance-log.js";
import { avatarMessages } from "../features/avatars/avatar-messages.js";
import { AvatarState } from "../features/avatars/avatar-state.js";
import type { AvatarModelStore } from "../features/avatars/model-store.js";
import { authenticateJoin } from "../features/participants/join-auth.js";
import { Roster } from "../features/participants/roster.js";
import { PoseIntake } from "../features/presence/pose-intake.js";
import { PresenceRelay } from "../features/presence/presence-relay.js";
import { setRole } from "../features/roles/set-role.js";
import { slideMessages } from "../features/slides/slide-messages.js";
import { SlidesFeature } from "../features/slides/slides-feature.js";
import { admit, type Admission } from "../features/sessions/admission.js";
import type { LiveSessions } from "../features/sessions/live-sessions.js";
import { portalMessages } from "../features/portals/portal-messages.js";
import type { PortalService } from "../features/portals/portal-service.js";
import { brandStateValue, loadSessionBrand } from "../features/sessions/session-brand-store.js";
import type { SessionRecord, Storage } from "../storage/storage.js";
import type { JanusGateway } from "../features/voice/sfu/janus-gateway.js";
import { SfuRoom } from "../features/voice/sfu/sfu-room.js";
import { SfuVoice } from "../features/voice/sfu/sfu-voice.js";
import { VoiceFeature } from "../features/voice/voice-feature.js";
import { whiteboardMessages } from "../features/whiteboard/whiteboard-messages.js";
import { Whiteboards } from "../features/whiteboard/whiteboards.js";
import { lenient } from "../lenient-schema.js";

type Admitted = Extract<Admission, { ok: true }> & { options: ReturnType<typeof authenticateJoin> };

/** What a server hands every training room it creates (never taken from client options). */
export interface TrainingRoomConfig {
  /** Room templates by id; a session names one. */
  layouts: ReadonlyMap<string, RoomLayout>;
  /** Used when a session names a template that is gone (or for a room no session owns). */
  defaultLayout: RoomLayout;
  storage: Storage;
  /** Signs and checks invitation links. */
  secret: Buffer;
  live: LiveSessions;
  /** Seconds a dropped participant keeps their seat. */
  reconnectWindowS: number;
  /** Wall clock in ms for message timing: the room clock only advances once per patch (50 ms). */
  now: () => number;
  log: (line: string) => void;
  /** Uploaded avatar models, which `avatar.model` messages may point at. */
  avatarModels: AvatarModelStore;
  /** The SFU, when this server has one; rooms then carry voice through Janus instead of the mesh. */
  janus?: JanusGateway | null;
  /** Where the room's doors lead; null: doors stay shut. */
  portals?: PortalService | null;
}

/** How often each listener's SFU subscriptions are re-chosen (nearest/loudest), ms. */
export const VOICE_SELECTION_INTERVAL_MS = 1000;

/** Hard ceiling per client per second; Colyseus disconnects above it. Far above the pose rate. */
export const MAX_MESSAGES_PER_SECOND = PRESENCE_HZ * 6;

/**
 * One training session (one room per session id). Thin on purpose: it wires Colyseus' lifecycle and
 * messages to the participants, presence and voice features.
 */
export abstract class TrainingRoom extends Room<{ state: TrainingState }> {
  protected abstract readonly config: TrainingRoomConfig;

  override state = new TrainingState();
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;

  roster!: Roster;
  intake!: PoseIntake;
  avatars!: AvatarState;
  voice!: VoiceFeature;
  /** The session's whiteboards; undefined in a room no stored session owns. */
  whiteboards: Whiteboards | undefined;
  slides!: SlidesFeature;
  private readonly relay = new PresenceRelay();
  /** The stored session this room runs; undefined when no such session exists (every join is refused). */
  private session: SessionRecord | undefined;
  private layout: RoomLayout | undefined;
  private attendance: AttendanceLog | undefined;
  private readonly live = { endSession: () => this.endSession(), brandChanged: (json: string) => void (this.state.brand = json) };

  /** Presence counters (accepted, clamped, dropped per reason); read by tests and operators. */
  get stats() {
    return this.intake.stats;
  }

  /**
   * Instance-level on purpose: a refusal thrown from the static onAuth travels as the HTTP status of
   * the matchmaking response, and 4403 is not a valid HTTP status (Colyseus answers 500). Thrown
   * here, it reaches the client over the socket as ServerError(JOIN_REFUSED_CODE, reason).
   */
  override async onAuth(_client: Client, options: unknown): Promise<Admitted> {
    const clean = authenticateJoin(options);
    const admission = await admit(clean, { storage: this.config.storage, secret: this.config.secret, now: this.config.now });
    if (!admission.ok) throw new ServerError(JOIN_REFUSED_CODE, rejectionText(admission.reason));
    return { ...admission, options: clean };
  }

  override messages = {
    [ClientMessage.pose]: validate(lenient(poseMessageSchema), (client: Client, message) => {
      const result = this.intake.receive(client.sessionId, message, this.config.now());
      const slot = this.roster.get(client.sessionId)?.slot;
      if (result.accepted && slot !== undefined) {
        this.relay.set(slot, result.accepted);
        this.voice.setHead(client.sessionId, result.accepted.head.p);
      } else if (!result.accepted) this.notify(client, result.notice);
    }),
    [ClientMessage.device]: validate(lenient(deviceMessageSchema), (client: Client, message) => {
      if (message.ok) this.roster.setDevice(client.sessionId, message.value.device);
      else this.notify(client, this.intake.refuse(client.sessionId, "invalid-message", this.config.now(), message.detail));
    }),
    [ClientMessage.setRole]: validate(lenient(setRoleMessageSchema), async (client: Client, message) => {
      if (!message.ok) return this.notify(client, this.intake.refuse(client.sessionId, "invalid-message", this.config.now(), message.detail));
      const ctx = { roster: this.roster, storage: this.config.storage, sessionId: this.state.sessionId, now: this.config.now };
      this.notify(client, await setRole(ctx, client.sessionId, message.value));
    }),
    ...avatarMessages({
      avatars: () => this.avatars,
      now: () => this.config.now(),
      refuse: (client, reason, detail) => this.notify(client, this.intake.refuse(client.sessionId, reason, this.config.now(), detail)),
      broadcastReaction: (payload) => this.broadcast(ServerMessage.reaction, payload),
    }),
    [ClientMessage.voiceSignal]: validate(lenient(voiceSignalSchema), (client: Client, message) =>
      this.voice.signal(client.sessionId, message, this.config.now()),
    ),
    [ClientMessage.voiceSfu]: validate(lenient(voiceSfuClientSchema), (client: Client, message) => this.voice.sfuMessage(client.sessionId, message)),
    [ClientMessage.voiceMute]: validate(lenient(voiceMuteSchema), (client: Client, message) => this.voice.mute(client.sessionId, message)),
    [ClientMessage.voiceModerate]: validate(lenient(voiceModerateSchema), (client: Client, message) =>
      this.voice.moderate(client.sessionId, message),
    ),
    ...whiteboardMessages({
      whiteboards: () => this.whiteboards,
      person: (id) => {
        const [who, identity] = [this.roster.get(id), this.roster.identity(id)];
        return who && identity ? { personId: identity.personId, role: who.role } : undefined;
      },
      refuse: (client, reason, detail) => this.notify(client, this.intake.refuse(client.sessionId, reason, this.config.now(), detail)),
    }),
    ...slideMessages({
      slides: () => this.slides,
      refuse: (client, reason, detail) => this.notify(client, this.intake.refuse(client.sessionId, reason, this.config.now(), detail)),
      notify: (client, notice) => this.notify(client, notice),
    }),
    ...portalMessages({
      portals: () => this.config.portals ?? null,
      layout: () => this.layout ?? this.config.defaultLayout,
      sessionId: () => this.state.sessionId,
      now: () => this.config.now(),
      linkKind: (id) => this.roster.identity(id)?.linkKind,
      refuse: (client, reason, detail) => this.notify(client, this.intake.refuse(client.sessionId, reason, this.config.now(), detail)),
      notify: (client, notice) => this.notify(client, notice),
    }),
    _: (client: Client, type: string | number) => this.unknownMessage(client, type),
  };

  /** Fallback for message types nobody handles (Colyseus would disconnect the sender): drop and count. */
  private readonly unknownMessage = (client: Client, type: string | number) => {
    const notice = this.intake.refuse(client.sessionId, "invalid-message", this.config.now(), `unknown message type ${String(type).slice(0, 32)}`);
    this.notify(client, notice);
  };

  override async onCreate(options: { sessionId?: unknown }): Promise<void> {
    // onCreate runs before onAuth: an unknown or malformed id names an empty room that refuses everyone and is disposed.
    const id = options.sessionId;
    this.state.sessionId = typeof id === "string" && SESSION_ID_PATTERN.test(id) ? id : "";
    this.session = this.state.sessionId ? await this.config.storage.getSession(this.state.sessionId) : undefined;
    const layout = (this.session && this.config.layouts.get(this.session.room)) ?? this.config.defaultLayout;
    this.state.roomLayout = layout.id;
    this.layout = layout;
    if (this.session) {
      this.state.title = this.session.title;
      this.state.language = this.session.language;
      this.state.brand = brandStateValue(await loadSessionBrand(this.config.storage, this.session.id));
      this.config.live.register(this.session.id, this.live);
      this.attendance = new AttendanceLog({ storage: this.config.storage, sessionId: this.session.id, now: this.config.now, log: this.config.log });
      this.whiteboards = await Whiteboards.load({
        storage: this.config.storage,
        sessionId: this.session.id,
        anchors: layout.boards,
        now: this.config.now,
        log: this.config.log,
        send: (id, type, payload) => this.clients.getById(id)?.send(type, payload),
        broadcast: (type, payload, except) => this.broadcast(type, payload, { except: except ? this.clients.getById(except) : undefined }),
      });
    }
    this.roster = new Roster(this.state, layout);
    this.intake = new PoseIntake(defaultPoseRules(layout.walkable));
    this.avatars = new AvatarState(this.state, this.config.avatarModels);
    this.voice = new VoiceFeature({
      state: this.state,
      sendSignal: (to, message) => {
        const target = this.clients.getById(to);
        target?.send(ServerMessage.voiceSignal, message);
        return target !== undefined;
      },
      notify: (id, notice) => this.clients.getById(id)?.send(ServerMessage.notice, notice),
      log: this.config.log,
    }, layout.voice);
    this.slides = new SlidesFeature({
      state: this.state,
      roster: this.roster,
      storage: this.config.storage,
      sessionId: this.state.sessionId,
      screenIds: layout.screens.map((s) => s.id),
      now: this.config.now,
      relayPointer: (payload, except) => this.broadcast(ServerMessage.slidePointer, payload, { except: this.clients.getById(except) }),
    });
    if (this.session) await this.slides.restore();
    this.clock.setInterval(() => {
      const frame = this.relay.tick();
      if (frame) this.broadcastBytes(ServerMessage.presenceFrame, frame, {});
    }, 1000 / PRESENCE_HZ);
    await this.startSfu();
  }

  /** One Janus room per session when the server has an SFU; on failure voice stays peer-to-peer. */
  private async startSfu(): Promise<void> {
    const janus = this.config.janus;
    if (!janus || !this.state.sessionId) return;
    try {
      const janusRoom = await janus.createRoom(`otc ${this.state.sessionId}`);
      const room = new SfuRoom(janus, janusRoom, {
        send: (id, message) => this.clients.getById(id)?.send(ServerMessage.voiceSfu, message),
        isMuted: (id) => this.state.participants.get(id)?.muted ?? true,
        now: this.config.now,
        log: this.config.log,
      });
      this.voice.useSfu(new SfuVoice(room, this.state, this.voice.heads, () => this.voice.rules()));
      this.clock.setInterval(() => this.voice.tick(), VOICE_SELECTION_INTERVAL_MS);
    } catch (e) {
      this.config.log(`training room ${this.roomId}: no SFU room (${(e as Error).message}); voice stays peer-to-peer`);
    }
  }

  override onJoin(client: Client, _options: unknown, auth: Admitted): void {
    const identity = { personId: auth.personId, linkKind: auth.linkKind };
    const { slot, spawn } = this.roster.join(client.sessionId, auth.options, this.config.now(), auth.role, identity);
    this.attendance?.record({ event: "join", personId: auth.personId, name: auth.options.name, role: auth.role, device: auth.options.device });
    // Sent before this client can receive any later delta: Colyseus queues both until the join is
    // acknowledged, in order. The joiner's own spawn goes out with the next delta.
    client.sendBytes(ServerMessage.presenceFrame, this.relay.keyframe());
    this.relay.set(slot, spawn);
    this.voice.join(client.sessionId, slot, spawn.head.p);
    this.slides.join(client.sessionId, auth.personId);
  }

  override onDrop(client: Client): void {
    this.roster.setConnected(client.sessionId, false);
    // Rejected when the room is disposing (server shutdown); onLeave then frees the seat.
    this.allowReconnection(client, this.config.reconnectWindowS).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    this.roster.setConnected(client.sessionId, true);
    client.sendBytes(ServerMessage.presenceFrame, this.relay.keyframe());
    this.voice.reconnected(client.sessionId);
  }

  override onLeave(client: Client): void {
    const who = this.roster.get(client.sessionId);
    const identity = this.roster.identity(client.sessionId);
    if (who && identity) this.attendance?.record({ event: "leave", personId: identity.personId, name: who.name, role: who.role as Admitted["role"], device: who.device as Admitted["options"]["device"] });
    const slot = this.roster.leave(client.sessionId);
    if (slot !== undefined) this.relay.remove(slot);
    this.intake.forget(client.sessionId);
    this.avatars.forget(client.sessionId);
    this.voice.leave(client.sessionId);
    this.whiteboards?.forget(client.sessionId);
    this.slides.leave(client.sessionId);
  }

  override async onDispose(): Promise<void> {
    if (this.session) this.config.live.unregister(this.session.id, this.live);
    await this.voice.close();
  }

  /** The facilitator ended the session in the console: say so, then close every connection. */
  endSession(): void {
    this.broadcast(ServerMessage.notice, { code: "session-ended", text: rejectionText("session-ended") } satisfies Notice);
    void this.disconnect(SESSION_ENDED_CODE);
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
