import type { RoomLayout } from "@otc/contract";
import type { AvatarModelStore } from "../features/avatars/model-store.js";
import type { BreakoutService } from "../features/breakouts/breakout-service.js";
import type { PortalService } from "../features/portals/portal-service.js";
import type { LiveSessions } from "../features/sessions/live-sessions.js";
import type { ModerationRooms } from "../features/moderation/moderation-console.js";
import type { JanusGateway } from "../features/voice/sfu/janus-gateway.js";
import type { TurnOptions } from "../features/voice/turn-credentials.js";
import type { Storage } from "../storage/storage.js";

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
  /** TURN relays for browsers' voice; each room hands out credentials that renew before they expire. */
  turn?: TurnOptions;
  /** Where the room's doors lead; null: doors stay shut. */
  portals?: PortalService | null;
  /** Makes breakout groups' sessions and reaches their rooms; null: no breakouts. */
  breakouts?: BreakoutService | null;
  /** The console's reach into each running room's lock, capacity and waiting room. */
  moderation?: ModerationRooms;
}
