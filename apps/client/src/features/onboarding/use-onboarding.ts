import type { OnboardingDevice } from "@otc/contract";
import type { OnboardingPlaces } from "@otc/onboarding";
import { resolveWalk, type Rect } from "@otc/rooms";
import { useEffect } from "react";
import { useStore } from "zustand";
import type { Session } from "../../session-context.js";
import { useSession } from "../../session-context.js";
import { yawOf } from "../locomotion/walkable.js";
import { TOUCH_QUERY } from "../touch/use-media.js";
import { testHooksWanted } from "../testhooks/test-hooks.js";
import { OnboardingClient, paramsFrom, type OnboardingUiState } from "./onboarding-client.js";
import { watchOnboardingSources } from "./onboarding-sources.js";

/** Board and screen ids a room names for practice (the onboarding template has both). */
export const PRACTICE_ID = "practice";
/**
 * How far ahead of where one stands the marked spot is, metres, and its radius. On a desktop the
 * view (70° tall, level) shows the floor from about 2.3 m ahead, so the spot lies further there.
 */
const SPOT_AHEAD = { vr: 2.2, desktop: 3.4 };
const SPOT_RADIUS = 0.6;

/** Whether a walker of `radius` metres can go straight from (x0, z0) to (x1, z1): no obstacle on the way. */
function clearWay(x0: number, z0: number, x1: number, z1: number, radius: number, obstacles: readonly Rect[]): boolean {
  const n = Math.ceil(Math.hypot(x1 - x0, z1 - z0) / 0.2);
  for (let i = 1; i <= n; i++) {
    const x = x0 + ((x1 - x0) * i) / n;
    const z = z0 + ((z1 - z0) * i) / n;
    if (obstacles.some((o) => x > o.minX - radius && x < o.maxX + radius && z > o.minZ - radius && z < o.maxZ + radius)) return false;
  }
  return true;
}

/**
 * Where this person's steps point: a spot on the floor a couple of metres away that they can walk
 * or teleport to in a straight line (ahead if the way is clear, else the first clear way turning
 * from ahead), the practice board if the room has one, and the practice screen.
 */
export function placesFor(session: Session): OnboardingPlaces {
  const { rig, layout } = session;
  const [hx, , hz] = rig.head.p;
  const yaw = yawOf(rig.head.q);
  const ahead = session.store.getState().inVr ? SPOT_AHEAD.vr : SPOT_AHEAD.desktop;
  let spot: [number, number] | null = null;
  for (const turn of [0, 45, -45, 90, -90, 135, -135, 180]) {
    const a = yaw + (turn * Math.PI) / 180;
    const [x, z] = resolveWalk(hx - Math.sin(a) * ahead, hz - Math.cos(a) * ahead, 0.3, layout.walkable, rig.obstacles);
    if (Math.hypot(x - hx, z - hz) >= SPOT_RADIUS * 2.5 && clearWay(hx, hz, x, z, 0.3, rig.obstacles)) {
      spot = [x, z];
      break;
    }
  }
  const [x, z] = spot ?? resolveWalk(hx - Math.sin(yaw) * ahead, hz - Math.cos(yaw) * ahead, 0.3, layout.walkable, rig.obstacles);
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
