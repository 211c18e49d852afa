import { PresenceEncoder, type AvatarPose } from "@otc/presence";

/**
 * The room's side of the presence stream: the latest accepted pose per slot goes into the encoder,
 * and each relay tick turns what moved into one delta frame for everyone. Someone standing still
 * costs nothing; a joining or reconnecting client gets a keyframe first.
 */
export class PresenceRelay {
  private readonly encoder = new PresenceEncoder();

  set(slot: number, pose: AvatarPose): void {
    this.encoder.set(slot, pose);
  }

  remove(slot: number): void {
    this.encoder.remove(slot);
  }

  /** Everything a client needs before it can apply the next delta. */
  keyframe(): Uint8Array {
    return this.encoder.encodeKeyframe();
  }

  /** The delta for this tick, or null when nobody moved. */
  tick(): Uint8Array | null {
    return this.encoder.encodeDelta();
  }
}
