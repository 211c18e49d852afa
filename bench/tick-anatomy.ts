// What the slowest room ticks are made of: wall time, the garbage collector's pauses inside them,
// and the process's user and kernel CPU time over them. Tells a tick slowed by a collection from one
// slowed by socket writes (kernel time) from one with more to encode (user time).
import { PerformanceObserver, type PerformanceEntry } from "node:perf_hooks";

/** One timed call: wall clock start and end (performance.now()), CPU time used over it, ms. */
export interface TickSpan {
  start: number;
  end: number;
  userMs: number;
  systemMs: number;
}

export interface TickAnatomy {
  /** How many ticks make the slowest 1 % (at least one). */
  count: number;
  /** Means over those ticks, ms. */
  wallMs: number;
  gcMs: number;
  userMs: number;
  systemMs: number;
  /** Mean collector pause inside any tick, ms, for comparison. */
  gcMsPerTick: number;
}

/** Collector pauses as [start, duration] (performance.now() time base), recorded until `stop()`. */
export function recordGc(): { pauses: Array<[number, number]>; stop(): void } {
  const pauses: Array<[number, number]> = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEntry[]) pauses.push([e.startTime, e.duration]);
  });
  observer.observe({ entryTypes: ["gc"] });
  return { pauses, stop: () => observer.disconnect() };
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

function gcInside(span: TickSpan, pauses: ReadonlyArray<readonly [number, number]>): number {
  let ms = 0;
  for (const [start, duration] of pauses) ms += overlap(span.start, span.end, start, start + duration);
  return ms;
}

const round = (v: number) => +v.toFixed(2);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * The slowest 1 % of ticks made of several blocks each (a big room's presence tick: its encode and
 * every part, each in a turn of the event loop of its own), by their blocks' wall time summed.
 */
export function slowBlockedTickAnatomy(ticks: ReadonlyArray<readonly TickSpan[]>, pauses: ReadonlyArray<readonly [number, number]>): TickAnatomy {
  const whole = ticks
    .filter((blocks) => blocks.length > 0)
    .map((blocks) => ({
      wallMs: blocks.reduce((a, b) => a + b.end - b.start, 0),
      gcMs: blocks.reduce((a, b) => a + gcInside(b, pauses), 0),
      userMs: blocks.reduce((a, b) => a + b.userMs, 0),
      systemMs: blocks.reduce((a, b) => a + b.systemMs, 0),
    }));
  if (whole.length === 0) return { count: 0, wallMs: 0, gcMs: 0, userMs: 0, systemMs: 0, gcMsPerTick: 0 };
  const slow = [...whole].sort((a, b) => b.wallMs - a.wallMs).slice(0, Math.ceil(whole.length / 100));
  return {
    count: slow.length,
    wallMs: round(mean(slow.map((t) => t.wallMs))),
    gcMs: round(mean(slow.map((t) => t.gcMs))),
    userMs: round(mean(slow.map((t) => t.userMs))),
    systemMs: round(mean(slow.map((t) => t.systemMs))),
    gcMsPerTick: round(mean(whole.map((t) => t.gcMs))),
  };
}

/** The slowest 1 % of `spans` by wall time, and what they spent it on. */
export function slowTickAnatomy(spans: readonly TickSpan[], pauses: ReadonlyArray<readonly [number, number]>): TickAnatomy {
  return slowBlockedTickAnatomy(spans.map((s) => [s]), pauses);
}
