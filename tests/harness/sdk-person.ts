import { randomBytes } from "node:crypto";
import { ColyseusSDK, type Room } from "@colyseus/sdk";
import { PROTOCOL_VERSION, TRAINING_ROOM, type DeviceKind } from "@otc/contract";

/**
 * A person without a browser: the Node SDK joins the session through an invitation as a page would
 * (link token, person key, device), and does nothing else. A browser test uses one where it needs
 * one more person present (a third breakout group) but nobody's page: it costs no Chromium.
 */
export async function joinWithSdk(serverUrl: string, invitePath: string, name: string, device: DeviceKind = "phone"): Promise<Room> {
  const url = new URL(invitePath, serverUrl);
  const sessionId = url.pathname.split("/").pop()!;
  const sdk = new ColyseusSDK(serverUrl.replace(/^http/, "ws"));
  const room = await sdk.joinOrCreate(TRAINING_ROOM, { protocol: PROTOCOL_VERSION, sessionId, name, colour: "#8844aa", device, link: url.searchParams.get("k")!, personKey: randomBytes(16).toString("base64url") });
  room.reconnection.enabled = false; // it leaves for good when the test says so
  room.onMessage("*", () => {}); // what the room sends a page (presence frames, notices) it has no use for
  return room;
}
