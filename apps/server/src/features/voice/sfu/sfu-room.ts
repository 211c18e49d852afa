import type { VoiceSfuServerMessage } from "@otc/contract";
import type { Jsep } from "janode";
import { HANDLE_WEBRTCUP, type JanusGateway, type VideoRoomHandle } from "./janus-gateway.js";

interface Member {
  feed: number;
  pub: VideoRoomHandle | null;
  published: boolean;
  sub: VideoRoomHandle | null;
  /** Feeds this person currently receives, and whether an offer awaits their answer. */
  receiving: Set<number>;
  awaitingAnswer: boolean;
  /** When the pending offer went out (ms, room wall clock): an offer lost in a reconnect must not block forever. */
  offeredAt: number;
  /** Number of the latest offer sent; only an answer that echoes it is taken. */
  offer: number;
}

/**
 * Last resort: an unanswered subscription offer older than this is abandoned and the subscription
 * rebuilt, ms. A reconnect restarts the subscription at once (`restartSubscription`); this only
 * covers an answer that never comes, so it is long: a busy laptop may take many seconds to answer.
 */
export const OFFER_TIMEOUT_MS = 90_000;

export interface SfuRoomPort {
  send(id: string, message: VoiceSfuServerMessage): void;
  /** Muted as the room state has it now (read after each await, so a mute during publishing is not lost). */
  isMuted(id: string): boolean;
  now(): number;
  log(line: string): void;
  /** Janus says this connection started or stopped talking (the training record counts talk time). */
  talking?(id: string, talking: boolean): void;
}

/**
 * One training session's Janus VideoRoom, driven only by our server: people publish their mic
 * through us (we pick their feed id), we choose what each person receives (`setReceiving`, from
 * the @otc/voice selection) and we mute at the SFU (Janus stops forwarding), so a modified client
 * can neither subscribe to whom it likes nor be heard while muted.
 */
export class SfuRoom {
  private readonly members = new Map<string, Member>();
  private readonly owners = new Map<number, string>();
  /** Janus' talking events per person: true while their average level is above the room threshold. */
  readonly talking = new Map<string, boolean>();

  constructor(
    private readonly gateway: JanusGateway,
    readonly janusRoom: number,
    private readonly port: SfuRoomPort,
  ) {}

  /** Feeds are slot + 1: unique in the room while the seat is held, stable across reconnects. */
  join(id: string, slot: number): void {
    if (this.members.has(id)) return;
    const feed = slot + 1;
    this.members.set(id, { feed, pub: null, published: false, sub: null, receiving: new Set(), awaitingAnswer: false, offeredAt: 0, offer: 0 });
    this.owners.set(feed, id);
  }

  async publish(id: string, sdp: string): Promise<void> {
    const m = this.members.get(id);
    if (!m) return;
    if (m.pub) await m.pub.detach().catch(() => undefined); // a re-publish (reconnect, new mic) replaces the old one
    const pub = await this.gateway.attach();
    m.pub = pub;
    pub.on("videoroom_talking", (e: { feed?: number; talking?: boolean }) => {
      const who = e.feed === undefined ? undefined : this.owners.get(e.feed);
      if (who) this.talking.set(who, e.talking === true);
      if (who) this.port.talking?.(who, e.talking === true);
    });
    // Janus only knows a feed (for subscribing) once its media is up: until then nobody is offered it.
    m.published = false;
    pub.once(HANDLE_WEBRTCUP, () => {
      if (m.pub !== pub) return;
      m.published = true;
      void this.setMuted(id, this.port.isMuted(id));
    });
    const jsep: Jsep = { type: "offer", sdp };
    const joined = await pub.joinConfigurePublisher({ room: this.janusRoom, feed: m.feed, display: id, audio: true, video: false, jsep });
    if (!joined.jsep) throw new Error("Janus sent no answer to the publish offer");
    this.port.send(id, { kind: "publish-answer", sdp: joined.jsep.sdp });
    await this.gateway.moderate(this.janusRoom, m.feed, this.port.isMuted(id)).catch(() => undefined); // muted from the first packet
  }

  /** Whom `id` may receive: the publishers among `ids`. */
  published(ids: Iterable<string>): string[] {
    return [...ids].filter((i) => this.members.get(i)?.published === true);
  }

  isPublished(id: string): boolean {
    return this.members.get(id)?.published === true;
  }

  /** Makes `listener` receive exactly `speakers` (ids), renegotiating once if that changes anything. */
  async setReceiving(listener: string, speakers: readonly string[]): Promise<void> {
    const m = this.members.get(listener);
    if (!m) return;
    if (m.awaitingAnswer && this.port.now() - m.offeredAt > OFFER_TIMEOUT_MS) {
      this.port.log(`sfu: offer ${m.offer} to ${listener} went unanswered for ${OFFER_TIMEOUT_MS} ms; rebuilding the subscription`);
      await this.restartSubscription(listener);
    }
    if (m.awaitingAnswer) return; // one negotiation at a time; the next selection tick retries
    const want = new Set(speakers.map((s) => this.members.get(s)?.feed).filter((f): f is number => f !== undefined));
    const add = [...want].filter((f) => !m.receiving.has(f));
    const drop = [...m.receiving].filter((f) => !want.has(f));
    if (add.length === 0 && drop.length === 0) return;
    m.awaitingAnswer = true;
    m.offeredAt = this.port.now();
    try {
      let reply: { jsep?: Jsep; streams?: Array<{ mid: string; feed_id?: number; active?: boolean }> };
      const fresh = !m.sub;
      if (!m.sub) {
        if (add.length === 0) return void (m.awaitingAnswer = false);
        const sub = await this.gateway.attach();
        try {
          reply = await sub.joinSubscriber({ room: this.janusRoom, streams: add.map((feed) => ({ feed })), autoupdate: false });
        } catch (e) {
          await sub.detach().catch(() => undefined); // e.g. a feed not yet set up in Janus: the next round retries
          throw e;
        }
        m.sub = sub;
      } else {
        // Janus refuses an empty list (430), so send only the non-empty ones.
        reply = (await m.sub.update({
          ...(add.length > 0 ? { subscribe: add.map((feed) => ({ feed })) } : {}),
          ...(drop.length > 0 ? { unsubscribe: drop.map((feed) => ({ feed })) } : {}),
        })) as typeof reply;
      }
      m.receiving = want;
      if (!reply.jsep) return void (m.awaitingAnswer = false);
      const speakersByMid: Record<string, string> = {};
      for (const s of reply.streams ?? []) {
        const who = s.feed_id === undefined ? undefined : this.owners.get(s.feed_id);
        if (who && s.active !== false) speakersByMid[s.mid] = who;
      }
      m.offer++;
      this.port.send(listener, { kind: "subscribe-offer", sdp: reply.jsep.sdp, speakers: speakersByMid, offer: m.offer, fresh });
    } catch (e) {
      m.awaitingAnswer = false;
      this.port.log(`sfu: subscription for ${listener} failed: ${(e as Error).message}`);
    }
  }

  /**
   * Drops `listener`'s subscription (its pending offer included); the next selection round offers
   * a new one, marked fresh so the client answers on a new connection.
   */
  async restartSubscription(listener: string): Promise<void> {
    const m = this.members.get(listener);
    if (!m?.sub) return;
    const stale = m.sub;
    m.sub = null;
    m.receiving = new Set();
    m.awaitingAnswer = false;
    await stale.detach().catch(() => undefined);
  }

  async answer(listener: string, sdp: string, offer: number): Promise<void> {
    const m = this.members.get(listener);
    if (!m?.sub || !m.awaitingAnswer) return;
    if (offer !== m.offer) return void this.port.log(`sfu: dropped ${listener}'s answer to offer ${offer} (now ${m.offer})`);
    try {
      await m.sub.start({ jsep: { type: "answer", sdp } });
    } finally {
      m.awaitingAnswer = false;
    }
  }

  /** Janus stops (or resumes) forwarding this person's audio to everyone: enforced at the SFU. */
  async setMuted(id: string, muted: boolean): Promise<void> {
    const m = this.members.get(id);
    if (!m?.published) return;
    await this.gateway.moderate(this.janusRoom, m.feed, muted).catch((e: Error) => this.port.log(`sfu: moderate failed: ${e.message}`));
  }

  async leave(id: string): Promise<void> {
    const m = this.members.get(id);
    if (!m) return;
    this.members.delete(id);
    this.owners.delete(m.feed);
    for (const other of this.members.values()) other.receiving.delete(m.feed); // Janus drops a departed feed itself
    this.talking.delete(id);
    this.port.talking?.(id, false);
    await Promise.all([m.pub?.detach().catch(() => undefined), m.sub?.detach().catch(() => undefined)]);
  }

  async close(): Promise<void> {
    await Promise.all([...this.members.keys()].map((id) => this.leave(id)));
    await this.gateway.destroyRoom(this.janusRoom);
  }
}
