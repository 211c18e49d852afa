import type { Client } from "@colyseus/core";
import { PresenceStreams, type AvatarPose } from "@otc/presence";

/**
 * The room's side of the presence stream: the latest accepted pose per slot goes into the shared
 * streams (jitter-smoothed, encoded once per tier), and each relay tick sends every connected viewer
 * its own frame, spliced from the near tier (20 Hz) for avatars close or in view and the far tier
 * (5 Hz) for the rest. Someone sitting still costs almost nothing; a joining or reconnecting client
 * gets a keyframe first.
 */
export class PresenceRelay {
  private readonly streams = new PresenceStreams<string>();
  private readonly clients = new Map<string, Client>();

  constructor(private readonly send: (client: Client, frame: Uint8Array) => void) {}

  set(slot: number, pose: AvatarPose, nowMs: number): void {
    this.streams.set(slot, pose, nowMs);
  }

  remove(slot: number): void {
    this.streams.remove(slot);
  }

  /** Starts (or restarts) a connection's stream with a keyframe; later deltas follow it in order. */
  watch(client: Client, slot: number, low = false): void {
    this.clients.set(client.sessionId, client);
    this.send(client, this.streams.addViewer(client.sessionId, slot, low));
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

  /** One relay tick: encode what moved and send each viewer its frame. Returns the frames sent. */
  tick(): number {
    let sent = 0;
    for (const [id, frame] of this.streams.tick()) {
      const client = this.clients.get(id);
      if (!client) continue;
      this.send(client, frame);
      sent++;
    }
    return sent;
  }
}
