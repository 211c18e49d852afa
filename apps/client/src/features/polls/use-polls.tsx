import { createContext, useContext, useEffect, useMemo } from "react";
import { useStore } from "zustand";
import type { Session } from "../../session-context.js";
import { testHooksWanted } from "../testhooks/test-hooks.js";
import type { ChartDrawn } from "./chart-draw.js";
import { PollsClient, type PollsUiState } from "./polls-client.js";
import { installPollsTestHooks } from "./polls-test-hooks.js";

/** The joined room's polls, for the desktop panel, the VR tab and the screens (provided by Experience). */
export const PollsContext = createContext<PollsClient | null>(null);

/** One PollsClient per joined room (a rejoin after a restart makes a new one); with `?testhooks=1` also `window.__otcPolls`. */
export function usePollsClient(session: Session, drawn: Map<string, ChartDrawn>): PollsClient {
  const { room } = session;
  const polls = useMemo(() => new PollsClient(room), [room]);
  useEffect(() => {
    const uninstall = testHooksWanted(window.location.search) ? installPollsTestHooks(polls, drawn) : undefined;
    return () => {
      uninstall?.();
      polls.dispose();
    };
  }, [polls, drawn]);
  return polls;
}

export function usePolls(): PollsClient {
  const polls = useContext(PollsContext);
  if (!polls) throw new Error("usePolls() outside a joined room");
  return polls;
}

/** Selects from the polls store of the current room. */
export function usePollsUi<T>(selector: (s: PollsUiState) => T): T {
  return useStore(usePolls().ui, selector);
}
