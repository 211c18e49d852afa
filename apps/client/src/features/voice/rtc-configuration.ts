import { iceConfigSchema, type TrainingState } from "@otc/contract";

/**
 * The peer-connection settings voice uses, from the TURN relays the server wrote into the room state
 * (`iceServers`, JSON; "" for none: direct media, fine on a LAN). Unreadable input means no relay, never
 * a broken call.
 */
export function rtcConfigurationOf(state: Pick<TrainingState, "iceServers">): RTCConfiguration {
  if (!state.iceServers) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(state.iceServers);
  } catch {
    return {};
  }
  const parsed = iceConfigSchema.safeParse(raw);
  if (!parsed.success) return {};
  return { iceServers: parsed.data.servers, ...(parsed.data.relayOnly ? { iceTransportPolicy: "relay" as const } : {}) };
}
