// Child process of the soak benchmark: N @colyseus/sdk clients in one room for a while, all moving at
// 20 Hz; every 10 s (a quarter of a short run) a tenth of them leave and come back as new seats (joins and leaves are where
// a slow leak would hide). Prints "ready" once everyone is in, "joins <n>" after each churn round, one
// JSON line at the end, then waits for a line on stdin (the parent measures with everyone seated) before leaving.
import { Client, type Room } from "@colyseus/sdk";
import { PRESENCE_HZ, PROTOCOL_VERSION, ServerMessage, TRAINING_ROOM, type PoseMessage } from "@otc/contract";
import { simulatedMotion, type AvatarPose } from "@otc/presence";

const [url, sessionId, link, countArg, secondsArg] = process.argv.slice(2);
const count = Number(countArg);
const seconds = Number(secondsArg);
const CHURN_MS = Math.min(10_000, (seconds * 1000) / 4); // ms; at least a few rounds in a short run

const tuple = (p: AvatarPose["head"]) => [...p.p, ...p.q] as PoseMessage["h"];
const toMessage = (a: AvatarPose): PoseMessage => ({ h: tuple(a.head), l: a.left && tuple(a.left), r: a.right && tuple(a.right) });

const client = new Client(url!);
let joins = 0;
let frames = 0;
async function join(i: number): Promise<Room> {
  const room = await client.joinOrCreate(TRAINING_ROOM, {
    protocol: PROTOCOL_VERSION,
    sessionId,
    name: `soak ${i}`,
    colour: "#3366cc",
    device: "vr",
    link,
    personKey: `soak-bench-person-${i}-${joins}`.padEnd(22, "x").slice(0, 40),
  });
  joins++;
  room.onMessage(ServerMessage.presenceFrame, () => void frames++);
  room.onMessage("*", () => undefined);
  return room;
}

const rooms: Room[] = [];
for (let i = 0; i < count; i += 10) rooms.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, k) => join(i + k)))));
process.stdout.write("ready\n");
const centre = (i: number): [number, number] => [-4 + (i % 5) * 2, -3 + (Math.floor(i / 5) % 4) * 2];
const start = Date.now();
const moving = setInterval(() => {
  const t = (Date.now() - start) / 1000;
  rooms.forEach((room, i) => room.connection.isOpen && room.send("pose", toMessage(simulatedMotion(t, i * 0.7, centre(i)))));
}, 1000 / PRESENCE_HZ);
let round = 0;
const churn = setInterval(() => {
  round++;
  const tenth = Math.max(1, Math.floor(count / 10));
  for (let k = 0; k < tenth; k++) {
    const i = (round * tenth + k) % count;
    const old = rooms[i]!;
    void old
      .leave(true)
      .catch(() => undefined)
      .then(() => join(i))
      .then((r) => void (rooms[i] = r))
      .catch(() => undefined);
  }
  process.stdout.write(`joins ${joins}\n`);
}, CHURN_MS);
await new Promise((r) => setTimeout(r, seconds * 1000));
clearInterval(moving);
clearInterval(churn);
process.stdout.write(`${JSON.stringify({ joins, framesPerClientPerSecond: frames / count / seconds })}\n`);
await new Promise((r) => process.stdin.once("data", r));
// A seat whose rejoin was still in flight may never answer its leave: the exit closes every socket anyway.
await Promise.race([Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined))), new Promise((r) => setTimeout(r, 3000))]);
process.exit(0);
