/** People are warned this long before they are brought back, ms. */
export const BREAKOUT_WARNING_MS = 30_000;

/** A breakout under way: when it started and when everyone is brought back (the server's clock, ms). */
export interface RunningBreakout {
  startedAt: number;
  endsAt: number;
}

export type BreakoutPhase = "running" | "warning" | "over";

/** Starts a breakout of `seconds` at `now`. */
export function startBreakout(now: number, seconds: number): RunningBreakout {
  return { startedAt: now, endsAt: now + Math.max(1, Math.round(seconds)) * 1000 };
}

/** Where a breakout stands at `now`: running, in its last 30 s (the warning), or over (time to go back). */
export function phaseAt(run: Pick<RunningBreakout, "endsAt">, now: number): BreakoutPhase {
  if (now >= run.endsAt) return "over";
  return now >= run.endsAt - BREAKOUT_WARNING_MS ? "warning" : "running";
}

/** Ends a breakout early: people are warned now and brought back 30 s later (never later than planned). */
export function endEarly(run: RunningBreakout, now: number): RunningBreakout {
  return { ...run, endsAt: Math.min(run.endsAt, now + BREAKOUT_WARNING_MS) };
}

export type BreakoutEvent = "warning" | "return";

/**
 * Says once when a breakout reaches its warning and once when it is over, whatever the tick rate:
 * `tick(now)` returns the events crossed since the last tick, in order. A breakout first seen in its
 * warning fires the warning at once (a late joiner still hears it); one first seen over returns at once.
 */
export class BreakoutWatcher {
  private endsAt: number | null = null;
  private warned = false;
  private returned = false;

  set(run: Pick<RunningBreakout, "endsAt"> | null): void {
    if ((run?.endsAt ?? null) === this.endsAt) return;
    const earlier = this.endsAt !== null && run !== null && run.endsAt < this.endsAt;
    this.endsAt = run?.endsAt ?? null;
    // An earlier end (early end) warns again; a cleared one fires nothing.
    if (earlier || run === null) this.warned = false;
    this.returned = false;
  }

  tick(now: number): BreakoutEvent[] {
    if (this.endsAt === null || this.returned) return [];
    const phase = phaseAt({ endsAt: this.endsAt }, now);
    const events: BreakoutEvent[] = [];
    if (phase !== "running" && !this.warned) {
      this.warned = true;
      events.push("warning");
    }
    if (phase === "over") {
      this.returned = true;
      events.push("return");
    }
    return events;
  }
}

// C0/C1 control characters, zero-width and bidi overrides.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/** A facilitator's message to the groups, as shown: one line, control characters stripped, at most `max` characters. */
export function cleanText(raw: string, max: number): string {
  return Array.from(raw.replace(/[\t\n\r]/g, " ").replace(CONTROL, "").replace(/\s+/g, " ").trim()).slice(0, max).join("");
}
