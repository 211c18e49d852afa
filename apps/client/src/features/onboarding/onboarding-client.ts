import { OnboardingMessage, OnboardingServerMessage, type OnboardingDevice, type OnboardingMinePayload, type OnboardingRecord, type OnboardingTablePayload } from "@otc/contract";
import { DEFAULT_PARAMS, OnboardingRun, type OnboardingEvent, type OnboardingParams, type OnboardingPlaces, type OnboardingState } from "@otc/onboarding";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TrainingRoom } from "../connection/join-room.js";

/** This browser has finished the onboarding once (any session): it never starts by itself again here. */
export const ONBOARDED_KEY = "otc.onboarded";

export interface OnboardingUiState {
  /** The run in progress on this page, as of the last event or tick; null when none runs. */
  run: OnboardingState | null;
  /** This person's record as the server has it (null: none yet; undefined: not heard yet). */
  record: OnboardingRecord | null | undefined;
  /** Facilitators: everyone's progress; null for participants. */
  table: OnboardingTablePayload | null;
  /** Server clock minus this page's clock when the table arrived, ms. */
  offsetMs: number;
}

/** Thresholds from the address: `?onboarding-stuck=<s>` shortens hint and stuck times (the browser test's). */
export function paramsFrom(search: string): OnboardingParams {
  const stuck = Number(new URLSearchParams(search).get("onboarding-stuck"));
  if (!Number.isFinite(stuck) || stuck <= 0) return DEFAULT_PARAMS;
  return { ...DEFAULT_PARAMS, stuckAfterMs: stuck * 1000, hintAfterMs: (stuck * 1000) / 2 };
}

/**
 * This page's onboarding: runs the steps on the person's own events (OnboardingRun), reports each
 * step change to the server (a progress document), reads back the person's record and, for a
 * facilitator, everyone's table. It starts by itself on a participant's first join unless this
 * browser or this person key has finished it before; `replay()` runs it again on request.
 */
export class OnboardingClient {
  readonly ui: StoreApi<OnboardingUiState>;
  private run: OnboardingRun | null = null;
  /** Where the run in progress points (the marked spot, practice board and screen); null before the first run. */
  currentPlaces: OnboardingPlaces | null = null;
  /** Centre of the practice deck while it shows (world metres; written by PracticeScreen). */
  screenAt: [number, number, number] | null = null;
  private readonly detach: Array<() => void> = [];
  private decided = false;

  constructor(
    private readonly room: TrainingRoom,
    private readonly places: () => OnboardingPlaces,
    private readonly device: () => OnboardingDevice,
    private readonly storage: Pick<Storage, "getItem" | "setItem"> | null,
    /** Participants are guided by themselves; facilitators run the session and replay it when they wish. */
    private readonly learner: () => boolean,
    readonly params: OnboardingParams = DEFAULT_PARAMS,
    private readonly clock: () => number = () => performance.now(),
    private readonly wallClock: () => number = () => Date.now(),
  ) {
    this.ui = createStore<OnboardingUiState>()(() => ({ run: null, record: undefined, table: null, offsetMs: 0 }));
    this.detach.push(
      room.onMessage(OnboardingServerMessage.mine, (m: OnboardingMinePayload) => {
        this.ui.setState({ record: m.record });
        this.decideStart();
      }),
      room.onMessage(OnboardingServerMessage.table, (t: OnboardingTablePayload) => this.ui.setState({ table: t, offsetMs: t.serverNow - this.wallClock() })),
    );
    room.send(OnboardingMessage.onboardingSync, {});
  }

  /** Whether this person has finished the onboarding (server record or this browser). */
  finished(): boolean {
    return !!this.ui.getState().record?.completedAt || this.storage?.getItem(ONBOARDED_KEY) === "1";
  }

  /** Starts from the first step (the menu's replay, or the automatic first start). */
  replay(): void {
    this.currentPlaces = this.places();
    this.run = new OnboardingRun(this.device(), this.currentPlaces, this.clock(), this.params);
    this.publish(true);
  }

  /**
   * The person put a headset on or took it off: a run in progress starts again with that device's
   * steps (the comfort check first), since what each step asks differs.
   */
  deviceChanged(): void {
    const run = this.ui.getState().run;
    if (run && run.step !== null && run.device !== this.device()) this.replay();
  }

  /** Stops without finishing (the person closed it); it does not start by itself again on this page. */
  close(): void {
    this.run = null;
    this.ui.setState({ run: null });
  }

  /** This page's clock, ms: every event fed in is stamped with it. */
  now(): number {
    return this.clock();
  }

  feed(event: OnboardingEvent): void {
    if (this.run?.feed(event)) this.publish(true);
  }

  skip(): void {
    if (!this.run) return;
    this.run.skip(this.clock());
    this.publish(true);
  }

  /** Refreshes the hint and stuck flags (called a few times a second by the card). */
  tick(): void {
    if (this.run) this.publish(false);
  }

  /** The server's clock as this page estimates it, ms since epoch. */
  serverNow(): number {
    return this.wallClock() + this.ui.getState().offsetMs;
  }

  dispose(): void {
    for (const d of this.detach) d();
  }

  private decideStart(): void {
    if (this.decided) return;
    this.decided = true;
    if (!this.finished() && this.learner()) this.replay();
  }

  private publish(changed: boolean): void {
    const run = this.run;
    if (!run) return;
    const state = run.state(this.clock());
    const prev = this.ui.getState().run;
    if (!changed && prev && prev.hintDue === state.hintDue && prev.stuck === state.stuck) return;
    this.ui.setState({ run: state });
    if (!changed) return;
    this.room.send(OnboardingMessage.progress, { device: state.device, step: state.step, index: state.index, count: state.steps.length, skipped: state.skipped });
    if (state.step === null) this.storage?.setItem(ONBOARDED_KEY, "1");
  }
}
