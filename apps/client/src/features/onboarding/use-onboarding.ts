import type { OnboardingDevice } from "@otc/contract";
import type { OnboardingPlaces } from "@otc/onboarding";
import { seatPlacements } from "@otc/rooms";
import { useEffect } from "react";
import { useStore } from "zustand";
import type { Session } from "../../session-context.js";
import { useSession } from "../../session-context.js";
import { yawOf } from "../locomotion/walkable.js";
import { TOUCH_QUERY } from "../touch/use-media.js";
import { testHooksWanted } from "../testhooks/test-hooks.js";
import { markedSpot, SPOT_RADIUS } from "./marked-spot.js";
import { OnboardingClient, paramsFrom, type OnboardingUiState } from "./onboarding-client.js";
import { watchOnboardingSources } from "./onboarding-sources.js";

/** Board and screen ids a room names for practice (the onboarding template has both). */
export const PRACTICE_ID = "practice";
/**
 * How far ahead of where one stands the marked spot is, metres. On a desktop the view (70° tall,
 * level) shows the floor from about 2.3 m ahead, so the spot lies further there.
 */
const SPOT_AHEAD = { vr: 2.2, desktop: 3.4 };

/**
 * Where this person's steps point: a spot on the floor a couple of metres away that they can walk
 * or teleport to in a straight line, off the chairs (`markedSpot`), the practice board if the room
 * has one, and the practice screen.
 */
export function placesFor(session: Session): OnboardingPlaces {
  const { rig, layout } = session;
  const [hx, , hz] = rig.head.p;
  const yaw = yawOf(rig.head.q);
  const ahead = session.store.getState().inVr ? SPOT_AHEAD.vr : SPOT_AHEAD.desktop;
  const seats = seatPlacements(layout).map((p) => [p.position[0], p.position[2]] as const);
  const [x, z] = markedSpot(hx, hz, yaw, ahead, { walkable: layout.walkable, obstacles: rig.obstacles, seats });
  return {
    spot: { x, z, radius: SPOT_RADIUS },
    boardId: layout.boards.some((b) => b.id === PRACTICE_ID) ? PRACTICE_ID : null,
    screenId: PRACTICE_ID, // the practice screen is this feature's own (PracticeScreen)
  };
}

function deviceOf(session: Session): OnboardingDevice {
  if (!session.store.getState().inVr) return window.matchMedia(TOUCH_QUERY).matches ? "touch" : "desktop";
  const inputs = session.xr.store.getState().inputSourceStates ?? [];
  return inputs.some((s) => s.type === "hand") ? "vr-hands" : "vr-controllers";
}

/** Read-only onboarding view for browser tests (`window.__otcOnboarding`). */
export interface OnboardingTestHooks {
  state(): OnboardingUiState;
  /** The marked spot of the run in progress (x, z metres). */
  spot(): { x: number; z: number } | null;
  /** Centre of the practice deck while the slides step shows it (world metres). */
  screen(): [number, number, number] | null;
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
    window.__otcOnboarding = { state: () => client.ui.getState(), spot: () => client.currentPlaces?.spot ?? null, screen: () => client.screenAt };
    return () => void delete window.__otcOnboarding;
  }, [session, client]);
  return client;
}

export function useOnboardingUi<T>(client: OnboardingClient, select: (s: OnboardingUiState) => T): T {
  return useStore(client.ui, select);
}
