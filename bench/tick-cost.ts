// The presence tick alone (PresenceStreams.tick: shared tier encodes + every viewer's frame spliced),
// in this process, without sockets: what interest management costs per tick at a room's size, apart
// from the room's other work and the machine's load. The presence rows time the whole room tick.
import { PRESENCE_HZ } from "@otc/contract";
import { PresenceStreams, seatedMotion, simulatedMotion, type AvatarPose } from "@otc/presence";

export interface TickCost {
  people: number;
  trace: "audience" | "walking";
  ticks: number;
  /** CPU time of one tick, ms. */
  tickMs: { mean: number; p90: number; p99: number; max: number };
}

/** Auditorium-like rows: 20 seats a row, 1 m apart, rows 1.2 m apart, everyone facing the stage (−z). */
const seat = (i: number): [number, number] => [-9.5 + (i % 20), 2 + Math.floor(i / 20) * 1.2];

export function tickCost(people: number, trace: TickCost["trace"], seconds = 10): TickCost {
  const streams = new PresenceStreams<number>();
  const pose = (t: number, i: number): AvatarPose => (trace === "walking" ? simulatedMotion(t, i * 0.7, seat(i)) : seatedMotion(t, i + 1, seat(i)));
  for (let i = 0; i < people; i++) streams.set(i, pose(0, i), 0);
  for (let i = 0; i < people; i++) streams.addViewer(i, i, i % 10 === 0); // one in ten on low bandwidth
  const warm = PRESENCE_HZ;
  const ticks = seconds * PRESENCE_HZ;
  const times: number[] = [];
  for (let k = 1; k <= warm + ticks; k++) {
    const t = k / PRESENCE_HZ;
    for (let i = 0; i < people; i++) streams.set(i, pose(t, i), t * 1000);
    const start = process.cpuUsage(); // CPU time, not wall: the figure holds on a busy machine
    streams.tick();
    const used = process.cpuUsage(start);
    if (k > warm) times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => +times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  const mean = +(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2);
  return { people, trace, ticks, tickMs: { mean, p90: at(0.9), p99: at(0.99), max: at(1) } };
}
