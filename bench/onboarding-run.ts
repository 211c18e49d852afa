import { OnboardingMessage, OnboardingServerMessage, type OnboardingDevice, type OnboardingTablePayload } from "@otc/contract";
import { OnboardingRun, type OnboardingEvent } from "@otc/onboarding";
import { startTestServer } from "@otc/server/src/test-support/harness.ts";

export interface OnboardingBench {
  device: OnboardingDevice;
  runs: number;
  steps: number;
  /** First step reported → the facilitator's table shows the person done, ms (median of the runs; loopback, SDK clients). */
  endToEndMs: number;
  /** One step's report → the facilitator's table shows it, ms (median over every step of every run). */
  stepToTableMs: number;
}

const DEG = Math.PI / 180;
const spot = { x: 0, z: 2, radius: 0.6 };

/** What a perfect user does for each step on a device: the fewest events each detector accepts, in order. */
function perfectEvents(device: OnboardingDevice, t: () => number): OnboardingEvent[][] {
  const vr = device !== "desktop";
  const pose = (yawDeg: number, x = 4, z = 4): OnboardingEvent => ({ kind: "pose", at: t(), x, z, yaw: yawDeg * DEG });
  const steps: Record<string, () => OnboardingEvent[]> = {
    comfort: () => [{ kind: "comfort", at: t() }],
    look: () => [0, 45, 90, 45, 0, -45, -90].map((d) => pose(d)),
    move: () => (vr ? [{ kind: "teleport", at: t(), x: spot.x, z: spot.z }] : [pose(0, spot.x, spot.z)]),
    turn: () => (vr ? [{ kind: "snap-turn", at: t() }] : [0, -60, -120, -170].map((d) => pose(d))),
    menu: () => [{ kind: "menu-open", at: t() }],
    mute: () => [{ kind: "mute", at: t(), muted: true }, { kind: "mute", at: t() + 150, muted: false }],
    hand: () => [{ kind: "hand", at: t(), raised: true }, { kind: "hand", at: t(), raised: false }, { kind: "reaction", at: t() }],
    draw: () => [{ kind: "stroke", at: t(), boardId: "front", length: 600 }],
    slides: () => [{ kind: "screen-pointer", at: t(), screenId: "practice" }, { kind: "page-turn", at: t(), screenId: "practice" }],
    height: () => [{ kind: "posture", at: t() }],
  };
  return Object.values(steps).map((f) => f());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * A scripted perfect user goes through the onboarding `runs` times on one device: the pure run fed
 * the fewest events each step accepts, each step reported to a real server over loopback, and the
 * clock stops when the facilitator's table shows them done. The floor of the protocol and model,
 * not of a person (a person's time is their actions; the browser test shows them step by step).
 */
export async function onboardingBench(device: OnboardingDevice, runs: number): Promise<OnboardingBench> {
  const h = await startTestServer();
  try {
    const fac = await h.join("Facilitator", { sessionId: "bench-onboarding" }, { kind: "facilitator" });
    let table: OnboardingTablePayload | null = null;
    fac.room.onMessage(OnboardingServerMessage.table, (t: OnboardingTablePayload) => void (table = t));
    fac.room.onMessage(OnboardingServerMessage.mine, () => undefined);
    const totals: number[] = [];
    const perStep: number[] = [];
    let steps = 0;
    for (let r = 0; r < runs; r++) {
      const name = `Learner${r}`;
      const me = await h.join(name, { sessionId: "bench-onboarding" });
      me.room.onMessage(OnboardingServerMessage.mine, () => undefined);
      const shown = (index: number) => (table as OnboardingTablePayload | null)?.people.some((p) => p.name === name && p.index === index) ?? false;
      const t0 = performance.now();
      const run = new OnboardingRun(device, { spot, boardId: null, screenId: null }, performance.now());
      const report = async () => {
        const s = run.state(performance.now());
        const sent = performance.now();
        me.room.send(OnboardingMessage.progress, { device, step: s.step, index: s.index, count: s.steps.length, skipped: s.skipped });
        await until(() => shown(s.index));
        perStep.push(performance.now() - sent);
      };
      await report();
      for (const events of perfectEvents(device, () => performance.now()).slice(0, run.steps.length)) {
        for (const e of events) if (run.feed(e)) await report();
      }
      if (run.current() !== null) throw new Error(`the scripted user stopped at ${run.current()}`);
      totals.push(performance.now() - t0);
      steps = run.steps.length;
      await me.room.leave(true);
    }
    return { device, runs, steps, endToEndMs: +median(totals).toFixed(1), stepToTableMs: +median(perStep).toFixed(2) };
  } finally {
    await h.close();
  }
}

async function until(ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!ok()) {
    if (performance.now() - start > timeoutMs) throw new Error("onboarding bench: the facilitator's table never showed the step");
    await new Promise((r) => setTimeout(r, 2));
  }
}
