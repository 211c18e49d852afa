import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { useSession } from "../../session-context.js";
import { gatherFor, type GatherClient, type GatherUiState } from "./gather-client.js";

/** The joined room's gather client. */
export function useGather(): GatherClient {
  const { room, rig, layout, store } = useSession();
  return gatherFor(room, rig, layout.walkable, () => store.getState().inVr);
}

export function useGatherUi<T>(selector: (s: GatherUiState) => T): T {
  return useStore(useGather().ui, selector);
}

/** Seconds left on a gather's countdown, re-rendered while it runs; null when none. */
export function useGatherCountdown(): number | null {
  const client = useGather();
  const running = useGatherUi((s) => s.gather);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((n) => n + 1), 200);
    return () => clearInterval(id);
  }, [running]);
  return client.secondsLeft();
}
