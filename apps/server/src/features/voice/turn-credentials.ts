import { createHmac } from "node:crypto";
import type { IceConfig } from "@otc/contract";

/** A TURN server (e.g. coturn with `use-auth-secret`) this server hands out time-limited credentials for. */
export interface TurnOptions {
  /** `turn:host:3478?transport=udp`, `turns:host:443?transport=tcp`… */
  urls: string[];
  /** coturn's `static-auth-secret`. */
  secret: string;
  /** How long a credential lasts, seconds. */
  ttlS: number;
  /** Browsers send media only through the relay (hides addresses; also how the tests prove the relay). */
  relayOnly?: boolean;
}

/**
 * The TURN REST API credential scheme coturn checks (draft-uberti-behave-turn-rest): the user name is
 * `<expiry unix seconds>:<label>`, the password base64(HMAC-SHA1(secret, user name)). Nothing is stored:
 * coturn recomputes it, and it stops working at the expiry.
 */
export function turnIceConfig(turn: TurnOptions, label: string, nowMs: number): IceConfig {
  const username = `${Math.floor(nowMs / 1000) + turn.ttlS}:${label}`;
  const credential = createHmac("sha1", turn.secret).update(username).digest("base64");
  return { servers: [{ urls: turn.urls, username, credential }], relayOnly: turn.relayOnly ?? false };
}
