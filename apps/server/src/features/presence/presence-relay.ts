import type { Client } from "@colyseus/core";
import { DEFAULT_INTEREST, PresenceStreams, type AvatarPose } from "@otc/presence";

/**
 * A tick's frames go out in parts of about this many viewers, one part per turn of the event loop:
 * the sends are most of a tick's work (a socket write each), and in a room of 300 one block of them
 * all would hold every other message of the room (and of every room in the process) for 10 ms or more.
 */
export const VIEWERS_PER_PART = 50;

/**
 * The room's side of the presence stream: the latest accepted pose per slot goes into the shared
 * streams (jitter-smoothed, encoded once per tier), and each relay tick sends every connected viewer
 * its own frame, spliced from the near tier (20 Hz) for avatars close or in view and the far tier
 * (5 Hz) for the rest. Someone sitting still costs almost nothing; a joining or reconnecting client
 * gets a keyframe first. A room of more than VIEWERS_PER_PART viewers sends a tick's frames in parts,
 * each in a later turn of the event loop (`soon`), so poses and other messages are handled between
 * them; every viewer still gets one frame a tick, in order, within a few milliseconds of the encode.
 * Only one tick is ever being sent: a tick due meanwhile waits for it.
 */
export class PresenceRelay {
  private readonly streams: PresenceStreams<string>;
  private readonly clients = new Map<string, Client>();
  /** The tick being sent: how many parts it has, which one goes next, and its number (a stale continuation is ignored). */
  private parts = 1;
  private nextPart = 1;
  private tickNo = 0;
  /** A tick came while parts of the one before were still owed: it starts once they are sent. */
  private tickOwed = false;

  /**
   * `header` goes in front of every frame (the transport's, for a message `send` then sends as it
   * is: frames are built with room for it, not copied). `soon` runs a function in a later turn of the
   * event loop, after pending I/O (setImmediate in a room; a test may run it when it likes).
   */
  constructor(
    private readonly header: Uint8Array,
    private readonly send: (client: Client, framed: Uint8Array) => void,
    private readonly soon: (run: () => void) => void,
  ) {
    this.streams = new PresenceStreams<string>(DEFAULT_INTEREST, header.length);
  }

  set(slot: number, pose: AvatarPose, nowMs: number): void {
    this.streams.set(slot, pose, nowMs);
  }

  remove(slot: number): void {
    this.streams.remove(slot);
  }

  /** Starts (or restarts) a connection's stream with a keyframe; later deltas follow it in order. */
  watch(client: Client, slot: number, low = false): void {
    this.clients.set(client.sessionId, client);
    this.sendFramed(client, this.streams.addViewer(client.sessionId, slot, low));
  }

  /** A low-bandwidth viewer follows avatars beyond arm's reach at the far rate (5 Hz), in view or not. */
  setLow(id: string, low: boolean): void {
    this.streams.setLow(id, low);
  }

  /** Stops a connection's stream (dropped or gone); a reconnection watches again. */
  unwatch(id: string): void {
    this.clients.delete(id);
    this.streams.removeViewer(id);
  }

  /** The number of the tick being sent (the bench reads it). */
  get tickNumber(): number {
    return this.tickNo;
  }

  /**
   * One relay tick: encodes what moved and, in a small room, sends every viewer its frame at once; in
   * a big one the parts follow, each in a later turn (`continueTick`), the encode being a block of its
   * own. When the event loop was held up and parts of the last tick are still owed, this tick starts
   * after them (a later tick, never one long block). Returns the frames sent now.
   */
  tick(): number {
    if (this.nextPart < this.parts) {
      this.tickOwed = true;
      return 0;
    }
    return this.startTick();
  }

  /** Sends the tick's next part, or starts a tick that waited for it (when `tickNo` is still the tick being sent), and asks for the turn after. Returns the frames sent. */
  continueTick(tickNo: number): number {
    if (tickNo !== this.tickNo) return 0;
    if (this.nextPart >= this.parts) {
      if (!this.tickOwed) return 0;
      this.tickOwed = false;
      return this.startTick();
    }
    try {
      return this.sendPart();
    } finally {
      this.continueLater(); // a send that threw loses its part's other frames, not the room's presence
    }
  }

  private startTick(): number {
    this.streams.encodeTick();
    this.tickNo++;
    this.parts = Math.max(1, Math.ceil(this.streams.viewerCount / VIEWERS_PER_PART));
    this.nextPart = 0;
    if (this.parts === 1) return this.sendPart();
    this.continueLater();
    return 0;
  }

  private continueLater(): void {
    if (this.nextPart >= this.parts && !this.tickOwed) return;
    const tickNo = this.tickNo;
    this.soon(() => this.continueTick(tickNo));
  }

  private sendPart(): number {
    let sent = 0;
    for (const [id, frame] of this.streams.framesOf(this.nextPart++, this.parts)) {
      const client = this.clients.get(id);
      if (!client) continue;
      this.sendFramed(client, frame);
      sent++;
    }
    return sent;
  }

  private sendFramed(client: Client, frame: Uint8Array): void {
    frame.set(this.header, 0);
    this.send(client, frame);
  }
}
