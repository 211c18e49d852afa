// Child process of the presence benchmark: N @colyseus/sdk clients in one room, all moving like a
// person in VR (walking, looking around, gesturing), 20 Hz. Prints one JSON line with what each
// client received on its socket during the measured window (after a line "measuring" when that window starts).
import { Client, type Room } from "@colyseus/sdk";
import { PRESENCE_HZ, PROTOCOL_VERSION, ServerMessage, TRAINING_ROOM, type PoseMessage } from "@otc/contract";
import { PresenceDecoder, simulatedMotion, type AvatarPose } from "@otc/presence";

const [url, sessionId, link, countArg, warmArg, measureArg] = process.argv.slice(2);
const count = Number(countArg);
const warmMs = Number(warmArg);
const measureMs = Number(measureArg);

const tuple = (p: AvatarPose["head"]) => [...p.p, ...p.q] as PoseMessage["h"];
const toMessage = (a: AvatarPose): PoseMessage => ({ h: tuple(a.head), l: a.left && tuple(a.left), r: a.right && tuple(a.right) });

function socketBytesRead(room: Room): number {
  const transport = room.connection.transport as unknown as { ws?: { _socket?: { bytesRead: number } } };
  return transport.ws?._socket?.bytesRead ?? 0;
}

const client = new Client(url!);
const rooms: Room[] = [];
// the first client decodes every frame (a check that the stream stays valid); the others only count bytes
const decoder = new PresenceDecoder();
let decodeErrors = 0;
let updates = 0; // avatar updates decoded by the first client
for (let i = 0; i < count; i++) {
  const room = await client.joinOrCreate(TRAINING_ROOM, { protocol: PROTOCOL_VERSION, sessionId, name: `bot ${i}`, colour: "#3366cc", device: "vr", link, personKey: `load-bench-person-${i}`.padEnd(22, "x") });
  room.onMessage(ServerMessage.presenceFrame, (bytes: Uint8Array) => {
    if (i !== 0) return;
    try {
      updates += decoder.apply(bytes).length;
    } catch {
      decodeErrors++;
    }
  });
  room.onMessage(ServerMessage.notice, () => undefined);
  rooms.push(room);
}
// spread people over the room on a grid; each walks its own 3 m circle
const centre = (i: number): [number, number] => [-4 + (i % 5) * 2, -3 + Math.floor(i / 5) % 4 * 2];
const start = Date.now();
const timer = setInterval(() => {
  const t = (Date.now() - start) / 1000;
  rooms.forEach((room, i) => room.send("pose", toMessage(simulatedMotion(t, i * 0.7, centre(i)))));
}, 1000 / PRESENCE_HZ);

await new Promise((r) => setTimeout(r, warmMs));
process.stdout.write("measuring\n"); // the parent starts timing the server from here
const before = rooms.map(socketBytesRead);
const updatesBefore = updates;
await new Promise((r) => setTimeout(r, measureMs));
const after = rooms.map(socketBytesRead);
const updatesPerAvatarPerSecond = ((updates - updatesBefore) * 1000) / measureMs / count;
clearInterval(timer);
const perViewerBytesPerSecond = after.map((a, i) => ((a - before[i]!) * 1000) / measureMs);
process.stdout.write(`${JSON.stringify({ perViewerBytesPerSecond, decodeErrors, updatesPerAvatarPerSecond })}\n`);
await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
process.exit(0);
