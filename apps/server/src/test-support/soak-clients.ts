// Child process of the CI soak (rooms/training-room.soak.test.ts): N @colyseus/sdk clients in one
// room, all moving at the presence rate, `churn` of them leaving and rejoining as new seats every
// `churnMs`. Each client measures the longest gap between presence frames it received while seated.
// Prints "ready", then "joins <n>" after each churn round; at the end one JSON line, then waits for
// "done" on stdin (the parent has measured the server with everyone still seated) before leaving.
import { Client, type Room } from "@colyseus/sdk";
import { PRESENCE_HZ, PROTOCOL_VERSION, ServerMessage, TRAINING_ROOM, type PoseMessage } from "@otc/contract";
import { simulatedMotion, type AvatarPose } from "@otc/presence";

const [url, sessionId, link, countArg, secondsArg, churnArg, churnMsArg] = process.argv.slice(2);
const [count, seconds, churn, churnMs] = [countArg, secondsArg, churnArg, churnMsArg].map(Number) as [number, number, number, number];

const tuple = (p: AvatarPose["head"]) => [...p.p, ...p.q] as PoseMessage["h"];
const toMessage = (a: AvatarPose): PoseMessage => ({ h: tuple(a.head), l: a.left && tuple(a.left), r: a.right && tuple(a.right) });

interface Seat {
  room: Room;
  joinedAt: number; // ms, performance.now()
  lastFrame: number; // ms, performance.now(); 0 until the first frame
  maxGapMs: number;
}

const client = new Client(url!);
let joins = 0;
let failedJoins = 0;
let frames = 0;
let maxGapMs = 0; // over every seat, including the ones that left
async function join(i: number): Promise<Seat> {
  const room = await client.joinOrCreate(TRAINING_ROOM, {
    protocol: PROTOCOL_VERSION,
    sessionId,
    name: `soak ${i}`,
    colour: "#3366cc",
    device: "vr",
    link,
    personKey: `ci-soak-person-${i}-${joins}`.padEnd(22, "x").slice(0, 40),
  });
  joins++;
  const seat: Seat = { room, joinedAt: performance.now(), lastFrame: 0, maxGapMs: 0 };
  room.onMessage(ServerMessage.presenceFrame, () => {
    const now = performance.now();
    if (seat.lastFrame) seat.maxGapMs = Math.max(seat.maxGapMs, now - seat.lastFrame);
    seat.lastFrame = now;
    frames++;
  });
  room.onMessage("*", () => undefined);
  return seat;
}
const retire = (seat: Seat) => void (maxGapMs = Math.max(maxGapMs, seat.maxGapMs));

const seats: Seat[] = [];
for (let i = 0; i < count; i += 10) seats.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, k) => join(i + k)))));
process.stdout.write("ready\n");
const centre = (i: number): [number, number] => [-4 + (i % 5) * 2, -3 + (Math.floor(i / 5) % 4) * 2];
const start = Date.now();
const moving = setInterval(() => {
  const t = (Date.now() - start) / 1000;
  seats.forEach((s, i) => s.room.connection.isOpen && s.room.send("pose", toMessage(simulatedMotion(t, i * 0.7, centre(i)))));
}, 1000 / PRESENCE_HZ);
// "gc" on stdin: the parent is about to stop the server for a forced full GC (a pause the test makes,
// not the room): the gap spanning it is not counted.
let stdinBuffer = "";
process.stdin.on("data", (d: Buffer) => {
  stdinBuffer += d.toString();
  if (stdinBuffer.includes("gc-done\n")) {
    stdinBuffer = stdinBuffer.replace("gc-done\n", "");
    for (const s of seats) s.lastFrame = 0;
  }
  if (stdinBuffer.includes("done\n")) finished();
});
let finished: () => void = () => undefined;
const parentDone = new Promise<void>((r) => (finished = r));
let round = 0; // churn rounds started
const inFlight = new Set<Promise<void>>();
const churning = setInterval(() => {
  round++;
  for (let k = 0; k < churn; k++) {
    const i = (round * churn + k) % count;
    const old = seats[i]!;
    const rejoin = old.room
      .leave(true)
      .catch(() => undefined)
      .then(() => {
        retire(old);
        return join(i);
      })
      .then(
        (s) => void (seats[i] = s),
        () => void failedJoins++,
      );
    inFlight.add(rejoin);
    void rejoin.then(() => inFlight.delete(rejoin));
  }
  process.stdout.write(`joins ${joins}\n`);
}, churnMs);
await new Promise((r) => setTimeout(r, seconds * 1000));
clearInterval(churning);
seats.forEach(retire);
const silent = seats.filter((s) => s.lastFrame === 0 && performance.now() - s.joinedAt > 1500).length; // seated, never sent a frame
// Rejoins still under way (a loaded box takes more than a round for some) finish before the count.
await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, 30_000))]);
clearInterval(moving);
process.stdout.write(`${JSON.stringify({ joins, rounds: round, failedJoins, frames, maxGapMs: Math.round(maxGapMs), silent })}\n`);
await parentDone;
// A seat whose rejoin was still in flight may never answer its leave: the exit closes every socket anyway.
await Promise.race([Promise.all(seats.map((s) => s.room.leave(true).catch(() => undefined))), new Promise((r) => setTimeout(r, 3000))]);
process.exit(0);
