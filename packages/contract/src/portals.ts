import { z } from "zod";

/** Client → server: walk through a door of the room (its portal id in the room file). */
export const PortalMessage = { use: "portal.use" } as const;
/** Server → client: where that door leads, as an invitation path on this server. */
export const PortalServerMessage = { open: "portal.open" } as const;

export const portalUseMessageSchema = z.object({ portal: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/) });
export type PortalUseMessage = z.infer<typeof portalUseMessageSchema>;

export interface PortalOpen {
  portal: string;
  /** `/s/<session>?k=<signed link>`: the session behind the door, with the walker's kind of link. */
  path: string;
  /** The title of the session behind the door, to say where one is going. */
  title: string;
}
