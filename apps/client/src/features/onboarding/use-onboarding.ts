import type { OnboardingDevice } from "@otc/contract";
import type { OnboardingPlaces } from "@otc/onboarding";
import { resolveWalk } from "@otc/rooms";
import { useEffect } from "react";
import { useStore } from "zustand";
import type { Session } from "../../session-context.js";
import { useSession } from "../../session-context.js";
import { yawOf } from "../locomotion/walkable.js";
import { testHooksWanted } from "../testhooks/test-hooks.js";
import { OnboardingClient, paramsFrom, type OnboardingUiState } from "./onboarding-client.js";
import { watchOnboardingSources } from "./onboarding-sources.js";

/** Board and screen ids a room names for practice (the onboarding template has both). */
export const PRACTICE_ID = "practice";
/** How far ahead of where one stands the marked spot is, metres, and its radius. */
const SPOT_AHEAD = 2.2;
const SPOT_RADIUS = 0.6;

/** Where this person's steps point: a spot ahead of them on the walkable floor, the practice board and screen if the room has them. */
export function placesFor(session: Session): OnboardingPlaces {
  const { rig, layout } = session;
  const [hx, , hz] = rig.head.p;
  const yaw = yawOf(rig.head.q);
  const ahead = (d: number) => resolveWalk(hx - Math.sin(yaw) * d, hz - Math.cos(yaw) * d, 0.3, layout.walkable, rig.obstacles);
  // Against a wall, ahead is where one already stands: mark the spot behind instead.
  let [x, z] = ahead(SPOT_AHEAD);
  if (Math.hypot(x - hx, z - hz) < SPOT_RADIUS * 2) [x, z] = ahead(-SPOT_AHEAD);
  return {
    spot: { x, z, radius: SPOT_RADIUS },
    boardId: layout.boards.some((b) => b.id === PRACTICE_ID) ? PRACTICE_ID : null,
    screenId: PRACTICE_ID, // the practice screen is this feature's own (PracticeScreen)
  };
}

function deviceOf(session: Session): OnboardingDevice {
  if (!session.store.getState().inVr) return "desktop";
  const inputs = session.xr.store.getState().inputSourceStates ?? [];
  return inputs.some((s) => s.type === "hand") ? "vr-hands" : "vr-controllers";
}

/** Read-only onboarding view for browser tests (`window.__otcOnboarding`). */
export interface OnboardingTestHooks {
  state(): OnboardingUiState;
  /** The marked spot of the run in progress (x, z metres). */
  spot(): { x: number; z: number } | null;
}
declare global {
  interface Window {
    __otcOnboarding?: OnboardingTestHooks;
  }
}

const clients = new WeakMap<object, OnboardingClient>();

/** The onboarding of this session's room (one per room, made on first use). */
export function onboardingOf(session: Session): OnboardingClient {
  let client = clients.get(session.room);
  if (!client) {
    let storage: Storage | null = null;
    try {
      storage = window.localStorage;
    } catch {
      storage = null; // storage refused (private mode): the server's record alone remembers
    }
    client = new OnboardingClient(session.room, () => placesFor(session), () => deviceOf(session), storage, () => session.room.state.participants?.get(session.selfId)?.role === "participant", paramsFrom(window.location.search));
    clients.set(session.room, client);
  }
  return client;
}

/** Mounts the onboarding's watchers on the person's own actions and, with test hooks wanted, `window.__otcOnboarding`. */
export function useOnboarding(): OnboardingClient {
  const session = useSession();
  const client = onboardingOf(session);
  useEffect(() => watchOnboardingSources(session, client), [session, client]);
  useEffect(() => {
    if (!testHooksWanted(window.location.search)) return;
    window.__otcOnboarding = { state: () => client.ui.getState(), spot: () => client.currentPlaces?.spot ?? null };
    return () => void delete window.__otcOnboarding;
  }, [session, client]);
  return client;
}

export function useOnboardingUi<T>(client: OnboardingClient, select: (s: OnboardingUiState) => T): T {
  return useStore(client.ui, select);
}
