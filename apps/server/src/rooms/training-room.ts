import { CloseCode, Protocol, Room, ServerError, getMessageBytes, type Client, type RoomException } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { CREATE_REFUSED_CODE, JOIN_REFUSED_CODE, PRESENCE_HZ, SESSION_ENDED_CODE, ServerMessage, TrainingState, notice, rejectionWire, type Notice } from "@otc/contract";
import { authenticateJoin } from "../features/participants/join-auth.js";
import { Roster } from "../features/participants/roster.js";
import { admit, type Admission } from "../features/sessions/admission.js";
import { MessageRouter } from "./message-router.js";
import { Refusals } from "./refusals.js";
import { WS_HEADROOM, sendInPlace } from "./ws-frame.js";
import type { DepartedPerson, FeatureFactory, MessageSpec, RoomContext, RoomFeature } from "./room-feature.js";
import { ROOM_FEATURES } from "./room-features.js";
import type { TrainingRoomConfig } from "./training-room-config.js";

// The default 16 KB holds about 100 people's full state; a 300-person audience needs more, and the
// encoder otherwise grows on the first big join with a console warning. Per room, so 64 KB × rooms.
Encoder.BUFFER_SIZE = 64 * 1024;

export type { TrainingRoomConfig } from "./training-room-config.js";

type Admitted = Extract<Admission, { ok: true }> & { options: ReturnType<typeof authenticateJoin> };

/** Hard ceiling per client per second; Colyseus disconnects above it. Far above the pose rate. */
export const MAX_MESSAGES_PER_SECOND = PRESENCE_HZ * 6;

/**
 * One training session (one room per session id). A thin loop on purpose: it admits people, seats
 * them in the roster, routes each message to the feature that declared it (rooms/message-router.ts)
 * and calls each feature's lifecycle hooks in the order of ROOM_FEATURES.
 */
export abstract class TrainingRoom extends Room<{ state: TrainingState }> {
  protected abstract readonly config: TrainingRoomConfig;
  /** Which features a room runs; a subclass (or test) may run fewer. */
  protected readonly featureList: readonly FeatureFactory[] = ROOM_FEATURES;

  override state = new TrainingState();
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;

  readonly refusals = new Refusals();
  roster!: Roster;
  private features: RoomFeature[] = [];
  /** Seats held for dropped connections, by connection id: refusing one frees the seat at once. */
  private readonly reconnections = new Map<string, ReturnType<Room["allowReconnection"]>>();
  /** Connections whose seat was taken away (renewed link, removal): their drop holds nothing. */
  private readonly removed = new Set<string>();
  private router!: MessageRouter;
  private disposed = false;

  /** Refused-message counters (per reason), accepted poses and handler errors; read by tests and operators. */
  get stats() {
    return this.refusals.stats;
  }

  /** Every client message type this room accepts (each declared, with its rate, by one feature). */
  messageTypes(): string[] {
    return this.router.types();
  }

  /** What the room declared for one client message type (schema, rate); undefined for a type nobody declared. */
  messageSpec(type: string): Readonly<MessageSpec<unknown>> | undefined {
    return this.router.spec(type);
  }

  /** A feature by name (tests and operators read their counters). */
  feature<F extends RoomFeature = RoomFeature>(name: string): F | undefined {
    return this.features.find((f) => f.name === name) as F | undefined;
  }

  /**
   * Instance-level on purpose: a refusal thrown from the static onAuth travels as the HTTP status of
   * the matchmaking response, and 4403 is not a valid HTTP status (Colyseus answers 500). Thrown
   * here, it reaches the client over the socket as ServerError(JOIN_REFUSED_CODE, reason).
   */
  override async onAuth(_client: Client, options: unknown): Promise<Admitted> {
    const clean = authenticateJoin(options);
    const admission = await admit(clean, { storage: this.config.storage, secret: this.config.secret, now: this.config.now });
    if (!admission.ok) throw new ServerError(JOIN_REFUSED_CODE, rejectionWire(admission.reason));
    const knocking = { personId: admission.personId, name: clean.name, role: admission.role };
    for (const f of this.features) {
      const out = await f.gate?.(knocking);
      if (out) throw new ServerError(out.code ?? JOIN_REFUSED_CODE, out.text);
    }
    // An email is kept only where the session asks for one, as it is now (the console may just have changed it).
    const { email, ...rest } = clean;
    return { ...admission, options: admission.session.askEmail && email ? { ...rest, email } : rest };
  }

  /**
   * A room is made only for a valid invitation to a live session, and only one room per session, in
   * every process of the cluster
   * (`POST /matchmake/create` with any id, or a second room for a live session, is refused before
   * anything loads: no timers, no Janus room, no board replay).
   */
  override async onCreate(options: unknown): Promise<void> {
    const admission = await this.admitCreation(options);
    const session = admission.session;
    this.state.sessionId = session.id;
    if (!(await this.config.live.claim(session.id, this))) throw new ServerError(CREATE_REFUSED_CODE, rejectionWire("open-elsewhere"));
    try {
      await this.build(session);
    } catch (e) {
      await this.config.live.release(session.id, this);
      throw e;
    }
  }

  private async admitCreation(options: unknown): Promise<Admitted> {
    try {
      const clean = authenticateJoin(options);
      const admission = await admit(clean, { storage: this.config.storage, secret: this.config.secret, now: this.config.now });
      if (!admission.ok) throw new ServerError(CREATE_REFUSED_CODE, rejectionWire(admission.reason));
      return { ...admission, options: clean };
    } catch (e) {
      throw e instanceof ServerError ? new ServerError(CREATE_REFUSED_CODE, e.message) : e;
    }
  }

  private async build(session: Admitted["session"]): Promise<void> {
    const layout = (session && this.config.layouts.get(session.room)) ?? this.config.defaultLayout;
    this.state.roomLayout = layout.id;
    this.roster = new Roster(this.state, layout);
    const ctx = this.context(session, layout);
    for (const make of this.featureList) this.features.push(await make(ctx));
    this.router = new MessageRouter(this.features, ctx);
    for (const type of this.router.types()) this.onMessage(type, (client, raw) => this.router.receive(client, type, raw));
    // Types nobody declared (Colyseus would disconnect the sender): dropped and counted.
    this.onMessage("*", (client, type, raw) => this.router.receive(client, type, raw));
  }

  override onJoin(client: Client, _options: unknown, auth: Admitted): void {
    const { slot, spawn } = this.roster.join(client.sessionId, auth.options, this.config.now(), auth.role, { personId: auth.personId, linkKind: auth.linkKind });
    const person = { personId: auth.personId, linkKind: auth.linkKind, role: auth.role, options: auth.options, slot, spawn };
    for (const f of this.features) f.join?.(client, person);
  }

  override onDrop(client: Client, code?: number): void {
    this.countClosedForError(code);
    if (this.removed.has(client.sessionId)) return; // taken away: no seat to hold; onLeave follows
    for (const f of this.features) f.drop?.(client);
    // Rejected when the room is disposing (server shutdown) or the seat is taken away; onLeave then frees the seat.
    const pending = this.allowReconnection(client, this.config.reconnectWindowS);
    this.reconnections.set(client.sessionId, pending);
    pending.then(
      () => this.reconnections.delete(client.sessionId),
      () => this.reconnections.delete(client.sessionId),
    );
  }

  override onReconnect(client: Client): void {
    for (const f of this.features) f.reconnect?.(client);
  }

  override onLeave(client: Client, code?: number): void {
    this.countClosedForError(code);
    const departed = this.departing(client.sessionId);
    this.roster.leave(client.sessionId);
    for (const f of this.features) f.leave?.(client, departed);
    this.router.forget(client.sessionId);
    this.refusals.forget(client.sessionId);
    this.removed.delete(client.sessionId);
  }

  override async onDispose(): Promise<void> {
    this.disposed = true;
    for (const f of this.features) await f.dispose?.();
    await this.config.live.release(this.state.sessionId, this);
  }

  /** The facilitator ended the session in the console: say so, then close every connection. */
  endSession(): void {
    this.broadcast(ServerMessage.notice, notice("session-ended"));
    void this.disconnect(SESSION_ENDED_CODE);
  }

  override onUncaughtException(error: RoomException, methodName: string): void {
    if (methodName === "onAuth") return; // a refused join, already answered with its reason
    this.refusals.stats.errors++;
    this.config.log(`training room ${this.roomId}: ${methodName} failed: ${error.message}`);
  }

  /**
   * Colyseus closes a connection with WITH_ERROR for a frame it cannot decode (msgpack garbage) or
   * a flood past maxMessagesPerSecond, before any handler of ours runs: counted here with the rest.
   */
  private countClosedForError(code: number | undefined): void {
    if (code === CloseCode.WITH_ERROR) this.refusals.stats.dropped["invalid-message"]++;
  }

  /** Who is leaving, read before the roster forgets them. */
  private departing(id: string): DepartedPerson | undefined {
    const [who, identity] = [this.roster.get(id), this.roster.identity(id)];
    if (!who || !identity) return undefined;
    return { personId: identity.personId, name: who.name, role: who.role as DepartedPerson["role"], device: who.device as DepartedPerson["device"], slot: who.slot };
  }

  private context(session: RoomContext["session"], layout: RoomContext["layout"]): RoomContext {
    const now = this.config.now;
    return {
      state: this.state,
      roster: this.roster,
      storage: this.config.storage,
      config: this.config,
      session,
      sessionId: this.state.sessionId,
      layout,
      refusals: this.refusals,
      now,
      log: this.config.log,
      refuse: (client, reason, detail) => this.notify(client, this.refusals.refuse(client.sessionId, reason, now(), detail)),
      notify: (client, notice) => this.notify(client, notice),
      send: (id, type, payload) => {
        const target = this.clients.getById(id);
        target?.send(type, payload);
        return target !== undefined;
      },
      framedBytes: (type) => {
        const header = getMessageBytes.raw(Protocol.ROOM_DATA_BYTES, type);
        const framed = new Uint8Array(WS_HEADROOM + header.length);
        framed.set(header, WS_HEADROOM);
        return { header: framed, send: sendInPlace };
      },
      broadcast: (type, payload, except) => this.broadcast(type, payload, { except: except ? this.clients.getById(except) : undefined }),
      broadcastBytes: (type, bytes) => this.broadcastBytes(type, bytes, {}),
      every: (ms, tick) => void this.clock.setInterval(tick, ms),
      soon: (run) =>
        void setImmediate(() => {
          if (this.disposed) return;
          try {
            run();
          } catch (e) {
            this.onUncaughtException(e as RoomException, "soon");
          }
        }),
      moved: (id, pose) => {
        this.roster.moved(id, pose.head.p);
        for (const f of this.features) f.moved?.(id, pose);
      },
      remove: (id, notice) => {
        this.removed.add(id);
        const client = this.clients.getById(id);
        if (client) {
          client.send(ServerMessage.notice, notice);
          client.leave(JOIN_REFUSED_CODE, notice.code);
        } else this.reconnections.get(id)?.reject(new Error(notice.code));
      },
      endSession: () => this.endSession(),
    };
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
