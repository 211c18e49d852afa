import type { CleanJoinOptions, DeviceKind, RoomLayout } from "@otc/contract";
import { Participant, type TrainingState } from "@otc/contract";
import type { AvatarPose } from "@otc/presence";
import { nextFreeSlot, spawnPose } from "./seats.js";

/**
 * The participants feature: who is in the session, in which seat (presence slot), and whether they
 * are connected. It owns `state.participants`; a seat survives a drop until the reconnection window
 * closes, so a returning person keeps their name, colour and slot.
 */
export class Roster {
  private lastSlot = -1;

  constructor(
    private readonly state: TrainingState,
    private readonly layout: RoomLayout,
  ) {}

  /** Seats a newly joined person; returns their slot and where their avatar starts. */
  join(id: string, options: CleanJoinOptions, joinedAt: number): { slot: number; spawn: AvatarPose } {
    const slot = nextFreeSlot(Array.from(this.state.participants.values(), (p) => p.slot), this.lastSlot);
    this.lastSlot = slot;
    const participant = new Participant();
    participant.id = id;
    participant.name = options.name;
    participant.colour = options.colour;
    participant.device = options.device;
    participant.connected = true;
    participant.slot = slot;
    participant.joinedAt = joinedAt;
    this.state.participants.set(id, participant);
    return { slot, spawn: spawnPose(this.layout, slot) };
  }

  get(id: string): Participant | undefined {
    return this.state.participants.get(id);
  }

  setConnected(id: string, connected: boolean): void {
    const p = this.state.participants.get(id);
    if (p) p.connected = connected;
  }

  setDevice(id: string, device: DeviceKind): void {
    const p = this.state.participants.get(id);
    if (p && p.device !== device) p.device = device;
  }

  /** Frees the seat; returns the slot it held, if any. */
  leave(id: string): number | undefined {
    const p = this.state.participants.get(id);
    if (!p) return undefined;
    this.state.participants.delete(id);
    return p.slot;
  }

  get size(): number {
    return this.state.participants.size;
  }
}
