import { formatRemaining } from "@otc/timer";
import { createContext, useContext, useEffect, useMemo, useState } from "react";
import { useStore } from "zustand";
import type { Session } from "../../session-context.js";
import { testHooksWanted } from "../testhooks/test-hooks.js";
import { TimerClient, type TimerUiState } from "./timer-client.js";

/** The joined room's timer and agenda (provided by Experience). */
export const TimerContext = createContext<TimerClient | null>(null);

/** Read-only timer view for browser tests (`window.__otcTimer`). */
export interface TimerTestHooks {
  state(): TimerUiState;
  remaining(): number | null;
  chimes(): number;
}
declare global {
  interface Window {
    __otcTimer?: TimerTestHooks;
  }
}

/** One TimerClient per joined room; with `?testhooks=1` also `window.__otcTimer`. */
export function useTimerClient(session: Session): TimerClient {
  const timer = useMemo(() => new TimerClient(session.room), [session.room]);
  useEffect(() => {
    const hooks: TimerTestHooks = { state: () => timer.ui.getState(), remaining: () => timer.remaining(), chimes: () => timer.chimes };
    if (testHooksWanted(window.location.search)) window.__otcTimer = hooks;
    return () => {
      if (window.__otcTimer === hooks) delete window.__otcTimer;
      timer.dispose();
    };
  }, [timer]);
  return timer;
}

export function useTimer(): TimerClient {
  const timer = useContext(TimerContext);
  if (!timer) throw new Error("useTimer() outside a joined room");
  return timer;
}

export function useTimerUi<T>(selector: (s: TimerUiState) => T): T {
  return useStore(useTimer().ui, selector);
}

/** The countdown as text ("4:59"), re-rendered every 250 ms while one runs; null when none. */
export function useCountdown(): string | null {
  const timer = useTimer();
  const running = useTimerUi((s) => s.timer);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [running]);
  const left = timer.remaining();
  return left === null ? null : formatRemaining(left);
}
