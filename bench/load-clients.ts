// Child process of the presence benchmarks: @colyseus/sdk clients, each a person in VR sending poses
// at 20 Hz (walking a circle, or seated and listening). Takes one JSON argument (LoadPlan). Prints
// "joined" once all are in, "measuring" when the measured window starts, then one JSON line (LoadReport).
import { Client, type Room } from "@colyseus/sdk";
import { PRESENCE_HZ, PROTOCOL_VERSION, ServerMessage, TRAINING_ROOM, type PoseMessage } from "@otc/contract";
import { PresenceDecoder, seatedMotion, simulatedMotion, type AvatarPose } from "@otc/presence";

export type Trace = "walking" | "seated" | "audience";

export interface LoadPlan {
  url: string;
  /** One entry per room: its session id and participant link token. */
  sessions: Array<{ sessionId: string; link: string }>;
  perSession: number;
  /** Index of this child's first person (names, keys and seats stay unique across children). */
  offset: number;
  trace: Trace;
  /** Seat grid: x from, z from, spacing (metres), columns. */
  grid: { x: number; z: number; dx: number; dz: number; columns: number };
  /** Joins spread evenly over this window (ms; 0: as fast as they go, a few at a time). */
  joinSpreadMs: number;
  warmMs: number;
  measureMs: number;
}

export interface LoadReport {
  perViewerBytesPerSecond: number[];
  decodeErrors: number;
  updatesPerAvatarPerSecond: number;
  /** Per join: the matchmaking request (seat reservation) and reservation → first state with oneself in it, ms. */
  reserveMs: number[];
  firstStateMs: number[];
  /** Joins tried again after "seat reservation expired". */
  joinRetries: number;
}

const plan = JSON.parse(process.argv[2]!) as LoadPlan;
const tuple = (p: AvatarPose["head"]) => [...p.p, ...p.q] as PoseMessage["h"];
const toMessage = (a: AvatarPose): PoseMessage => ({ h: tuple(a.head), l: a.left && tuple(a.left), r: a.right && tuple(a.right) });

function socketBytesRead(room: Room): number {
  const transport = room.connection.transport as unknown as { ws?: { _socket?: { bytesRead: number } } };
  return transport.ws?._socket?.bytesRead ?? 0;
}

const client = new Client(plan.url);
const people: Array<{ room: Room; index: number }> = [];
// the first client decodes every frame (a check that the stream stays valid); the others only count bytes
const decoder = new PresenceDecoder();
let decodeErrors = 0;
let updates = 0;
const reserveMs: number[] = [];
const firstStateMs: number[] = [];

let joinRetries = 0;

/** Joins once more when the seat reservation expired before the socket got through (an overloaded machine). */
async function joinOne(index: number, session: LoadPlan["sessions"][number], attempt = 0): Promise<void> {
  try {
    await joinAttempt(index, session);
  } catch (e) {
    if (attempt >= 3) throw e;
    joinRetries++;
    await joinOne(index, session, attempt + 1);
  }
}

async function joinAttempt(index: number, session: LoadPlan["sessions"][number]): Promise<void> {
  const options = { protocol: PROTOCOL_VERSION, sessionId: session.sessionId, name: `bot ${index}`, colour: "#3366cc", device: "vr", link: session.link, personKey: `load-bench-person-${index}`.padEnd(22, "x") };
  const t0 = performance.now();
  const reservation = await client.http.post(`/matchmake/joinOrCreate/${TRAINING_ROOM}`, { headers: { Accept: "application/json", "Content-Type": "application/json" }, body: options });
  const t1 = performance.now();
  const room = await client.consumeSeatReservation(reservation.data as Parameters<Client["consumeSeatReservation"]>[0]);
  const first = index === plan.offset;
  room.onMessage(ServerMessage.presenceFrame, (bytes: Uint8Array) => {
    if (!first) return;
    try {
      updates += decoder.apply(bytes).length;
    } catch {
      decodeErrors++;
    }
  });
  room.onMessage(ServerMessage.notice, () => undefined);
  room.onMessage("*", () => undefined);
  const state = () => (room.state as { participants?: Map<string, unknown> } | undefined)?.participants?.get(room.sessionId) !== undefined;
  if (!state()) await new Promise<void>((resolve) => room.onStateChange(() => state() && resolve()));
  reserveMs.push(t1 - t0);
  firstStateMs.push(performance.now() - t1);
  people.push({ room, index });
}

const total = plan.sessions.length * plan.perSession;
const started = performance.now();
const joins: Array<Promise<void>> = [];
for (let n = 0; n < total; n++) {
  const session = plan.sessions[n % plan.sessions.length]!;
  const index = plan.offset + n;
  if (plan.joinSpreadMs > 0) {
    const at = started + (n * plan.joinSpreadMs) / total;
    await new Promise((r) => setTimeout(r, Math.max(0, at - performance.now())));
    joins.push(joinOne(index, session));
  } else {
    joins.push(joinOne(index, session));
    if (joins.length % 4 === 0) await Promise.all(joins.slice(-4)); // a few at a time
  }
}
await Promise.all(joins);
process.stdout.write("joined\n");

const { grid } = plan;
const seat = (i: number): [number, number] => {
  const k = i % (grid.columns * 1000);
  return [grid.x + (k % grid.columns) * grid.dx, grid.z + Math.floor(k / grid.columns) * grid.dz];
};
/** In the audience, one person in ten walks (a presenter, latecomers); the others sit and listen. */
const walks = (i: number) => plan.trace === "walking" || (plan.trace === "audience" && i % 10 === 0);
const start = performance.now();
const timer = setInterval(() => {
  const t = (performance.now() - start) / 1000;
  for (const { room, index } of people) {
    const k = index % plan.perSession; // seats are per room
    const pose = walks(index) ? simulatedMotion(t, index * 0.7, seat(k)) : seatedMotion(t, index + 1, seat(k));
    room.send("pose", toMessage(pose));
  }
}, 1000 / PRESENCE_HZ);

await new Promise((r) => setTimeout(r, plan.warmMs));
process.stdout.write("measuring\n");
const before = people.map((p) => socketBytesRead(p.room));
const updatesBefore = updates;
await new Promise((r) => setTimeout(r, plan.measureMs));
const after = people.map((p) => socketBytesRead(p.room));
clearInterval(timer);
const report: LoadReport = {
  perViewerBytesPerSecond: after.map((a, i) => ((a - before[i]!) * 1000) / plan.measureMs),
  decodeErrors,
  updatesPerAvatarPerSecond: ((updates - updatesBefore) * 1000) / plan.measureMs / plan.perSession,
  reserveMs,
  firstStateMs,
  joinRetries,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
await Promise.all(people.map((p) => p.room.leave(true).catch(() => undefined)));
process.exit(0);
