import { TimerMessage, TimerServerMessage, type AgendaItem, type TimerStatePayload, type TimerView } from "@otc/contract";
import { can } from "@otc/roles";
import { EMPTY_AGENDA, EndWatcher, type Agenda } from "@otc/timer";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TrainingRoom } from "../connection/join-room.js";
import { playChime } from "./chime.js";

export interface TimerUiState {
  timer: TimerView | null;
  agenda: Agenda;
  /** Server clock minus this page's clock when the state arrived (ms): the countdown runs on the page. */
  offsetMs: number;
  moderator: boolean;
}

/**
 * The facilitator's countdown and agenda on this page: the end time and agenda come from the
 * server (documents); the ticking is this page's own (`remaining()`), and `tick()` says once when
 * the countdown has just reached zero (the chime).
 */
export class TimerClient {
  readonly ui: StoreApi<TimerUiState>;
  private readonly watcher = new EndWatcher();
  private readonly detach: Array<() => void> = [];
  private audio: AudioContext | null = null;
  /** Chimes played on this page (read by tests). */
  chimes = 0;

  constructor(
    private readonly room: TrainingRoom,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.ui = createStore<TimerUiState>()(() => ({ timer: null, agenda: EMPTY_AGENDA, offsetMs: 0, moderator: false }));
    this.detach.push(
      room.onMessage(TimerServerMessage.state, (s: TimerStatePayload) => {
        const offsetMs = s.serverNow - this.clock();
        this.ui.setState({ timer: s.timer, agenda: s.agenda, offsetMs });
        this.watcher.set(s.timer, this.serverNow());
      }),
    );
    const sync = () => {
      const moderator = can(room.state.participants?.get(room.sessionId)?.role ?? "participant", "moderate");
      if (moderator !== this.ui.getState().moderator) this.ui.setState({ moderator });
    };
    sync();
    room.onStateChange(sync);
    this.detach.push(() => room.onStateChange.remove(sync));
    room.send(TimerMessage.timerSync, {});
  }

  /** The server's clock as this page estimates it, ms since epoch. */
  serverNow(): number {
    return this.clock() + this.ui.getState().offsetMs;
  }

  /** Milliseconds left on the countdown, null when none runs. */
  remaining(): number | null {
    const t = this.ui.getState().timer;
    return t ? Math.max(0, t.endsAt - this.serverNow()) : null;
  }

  /** True once, on the first call after the countdown reaches zero. */
  tick(): boolean {
    return this.watcher.tick(this.serverNow());
  }

  start(seconds: number, label: string, screenId: string | null): void {
    this.room.send(TimerMessage.start, { seconds, label, screenId });
  }

  stop(): void {
    this.room.send(TimerMessage.stop, {});
  }

  setAgenda(items: AgendaItem[]): void {
    this.room.send(TimerMessage.agenda, { items });
  }

  markCurrent(index: number): void {
    this.room.send(TimerMessage.current, { index });
  }

  /** Plays the end chime (WebAudio, generated); counts it for tests. */
  chime(): void {
    this.chimes++;
    if (typeof AudioContext === "undefined") return;
    this.audio ??= new AudioContext();
    if (this.audio.state === "suspended") void this.audio.resume().then(() => playChime(this.audio), () => undefined);
    else playChime(this.audio);
  }

  dispose(): void {
    void this.audio?.close().catch(() => undefined);
    for (const d of this.detach) d();
  }
}
