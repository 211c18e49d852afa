import { formatRemaining } from "@otc/timer";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { useSession } from "../../session-context.js";
import { breakoutsFor, type BreakoutsClient, type BreakoutsUiState } from "./breakouts-client.js";

/** The joined room's breakouts client. */
export function useBreakouts(): BreakoutsClient {
  return breakoutsFor(useSession().room);
}

export function useBreakoutsUi<T>(selector: (s: BreakoutsUiState) => T): T {
  return useStore(useBreakouts().ui, selector);
}

/** Time left until people go back ("4:59") and the phase, re-rendered every 250 ms while a breakout runs. */
export function useBreakoutCountdown(): { text: string; phase: ReturnType<BreakoutsClient["phase"]> } | null {
  const client = useBreakouts();
  const running = useBreakoutsUi((s) => s.state?.running ?? null);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [running]);
  const left = client.remaining();
  return left === null ? null : { text: formatRemaining(left), phase: client.phase() };
}
