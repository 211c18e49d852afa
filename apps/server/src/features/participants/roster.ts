import type { BandwidthMode, CleanJoinOptions, DeviceKind, Role, RoomLayout } from "@otc/contract";
import { Participant, type TrainingState } from "@otc/contract";
import type { AvatarPose } from "@otc/presence";
import { freeSpawn, nextFreeSlot, spawnPose } from "./seats.js";

/** Who a connection is, as decided on join; kept on the server only. */
export interface Identity {
  personId: string;
  linkKind: "participant" | "facilitator";
}

/**
 * The participants feature: who is in the session, in which seat (presence slot), with which role,
 * and whether they are connected. It owns `state.participants`; a seat survives a drop until the
 * reconnection window closes, so a returning person keeps their name, colour and slot.
 */
export class Roster {
  private lastSlot = -1;
  private readonly identities = new Map<string, Identity>();
  /** Where each seated person's head is on the floor (x, z metres): their spawn, then their latest accepted pose. */
  private readonly floorSpots = new Map<string, readonly [number, number]>();
  /** Connections in low-bandwidth mode (presence thins their far avatars, the SFU sends them fewer voices). */
  private readonly low = new Set<string>();

  constructor(
    private readonly state: TrainingState,
    private readonly layout: RoomLayout,
  ) {}

  /** Seats a newly joined person; returns their slot and where their avatar starts. */
  join(id: string, options: CleanJoinOptions, joinedAt: number, role: Role = "participant", identity?: Identity): { slot: number; spawn: AvatarPose } {
    const slot = nextFreeSlot(Array.from(this.state.participants.values(), (p) => p.slot), this.lastSlot);
    this.lastSlot = slot;
    const spawnIndex = freeSpawn(this.layout, [...this.floorSpots.values()], slot);
    const spawn = spawnPose(this.layout, spawnIndex);
    const participant = new Participant();
    participant.id = id;
    participant.name = options.name;
    participant.colour = options.colour;
    participant.device = options.device;
    participant.role = role;
    participant.connected = true;
    participant.slot = slot;
    participant.spawn = spawnIndex;
    participant.joinedAt = joinedAt;
    this.state.participants.set(id, participant);
    if (identity) this.identities.set(id, identity);
    this.floorSpots.set(id, [spawn.head.p[0], spawn.head.p[2]]);
    this.setBandwidth(id, options.bandwidth ?? "normal");
    return { slot, spawn };
  }

  /** Keeps where a person stands (from their accepted poses), so nobody new spawns on them. */
  moved(id: string, head: readonly [number, number, number]): void {
    if (this.floorSpots.has(id)) this.floorSpots.set(id, [head[0], head[2]]);
  }

  /** Every seat's connection id, connected or within its reconnection window. */
  setBandwidth(id: string, mode: BandwidthMode): void {
    if (mode === "low") this.low.add(id);
    else this.low.delete(id);
  }

  isLowBandwidth(id: string): boolean {
    return this.low.has(id);
  }

  ids(): string[] {
    return [...this.state.participants.keys()];
  }

  get(id: string): Participant | undefined {
    return this.state.participants.get(id);
  }

  identity(id: string): Identity | undefined {
    return this.identities.get(id);
  }

  /** Applies a role to every connection of one person (they may have two tabs open). */
  setRoleOfPerson(personId: string, role: Role): void {
    for (const [id, who] of this.identities) {
      const p = this.state.participants.get(id);
      if (who.personId === personId && p && p.role !== role) p.role = role;
    }
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
    this.identities.delete(id);
    this.floorSpots.delete(id);
    this.low.delete(id);
    if (!p) return undefined;
    this.state.participants.delete(id);
    return p.slot;
  }

  get size(): number {
    return this.state.participants.size;
  }
}
