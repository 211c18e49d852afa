import { ClientMessage, ServerMessage, type DeckSummary, type RoomLayout, type SlidePageMessage, type SlidePointerBroadcastPayload, type TrainingState } from "@otc/contract";
import type { Wording } from "../i18n/wording.js";
import { mayManageSlides, mayPage } from "@otc/slides";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TrainingRoom } from "../connection/join-room.js";
import { downloadDeck, listDecks, uploadDeck, type DeckAuth, type Result } from "./deck-api.js";
import type { PageCache, PageCacheStats } from "./page-cache.js";
import { openPdf } from "./pdf-renderer.js";

/** What one screen shows, as the server last said. */
export interface ScreenView {
  deckId: string;
  deckName: string;
  page: number;
  pageCount: number;
}

/** How a deck's download and opening is going on this page. */
export type DeckLoad = { state: "loading"; fraction: number } | { state: "ready" } | { state: "failed"; error: Wording | string };

export interface SlidesUiState {
  screens: Record<string, ScreenView>;
  loads: Record<string, DeckLoad>;
  /** Whether this person may page and point (role or grant), and manage decks (role). */
  canPage: boolean;
  canManage: boolean;
  presenters: string[];
  /** The screen the presenter's keys and buttons act on. */
  selected: string;
  /** Whether this presenter's pointer (mouse or controller ray) on a screen shows as the laser dot to everyone. */
  laser: boolean;
}

/** Pointer dots by screen id: u, v from the top-left, and when it arrived (ms, performance.now). */
export type PointerMap = Map<string, { at: [number, number]; t: number }>;

/** Client → server pointer updates, Hz (presence; the server relays, never stores). */
export const POINTER_HZ = 15;
/** Open decks kept by a page (each holds its parsed PDF in the pdf.js worker). */
const OPEN_DECKS_MAX = 3;

const sameScreen = (a: ScreenView | undefined, b: ScreenView) => a && a.deckId === b.deckId && a.page === b.page && a.pageCount === b.pageCount && a.deckName === b.deckName;

/**
 * The slides feature of one joined room on this page: mirrors `state.slides` into a small store,
 * sends page turns, assignments, grants and pointer updates, and downloads and opens decks
 * (shared by every screen showing the same deck). Created per room; `dispose()` detaches it.
 */
export class SlidesClient {
  readonly ui: StoreApi<SlidesUiState>;
  readonly pointers: PointerMap = new Map();
  readonly stats: PageCacheStats = { live: 0, rendered: 0, disposed: 0, bytes: 0 };
  /** When each screen's page last changed in the state (ms, performance.now): for latency figures. */
  readonly changedAt = new Map<string, number>();
  /** What each screen last drew (deck, page) and when (ms, performance.now). */
  readonly shown = new Map<string, { deckId: string; page: number; t: number; luma: number }>();
  /** Each screen's page textures while it shows a deck (SlideScreens), read by the VR presenter view for the next page. */
  readonly caches = new Map<string, PageCache>();
  private readonly docs = new Map<string, Promise<PDFDocumentProxy | null>>();
  private readonly detach: Array<() => void> = [];
  private lastPointer = 0;
  /** Deck loading stages, for diagnosing a deck that never appears (read by test hooks). */
  readonly trace: string[] = [];

  constructor(
    private readonly room: TrainingRoom,
    readonly layout: RoomLayout,
    readonly auth: DeckAuth,
  ) {
    this.ui = createStore<SlidesUiState>()(() => ({ screens: {}, loads: {}, canPage: false, canManage: false, presenters: [], selected: layout.screens[0]?.id ?? "", laser: true }));
    const sync = (state: TrainingState) => this.sync(state);
    sync(room.state);
    room.onStateChange(sync);
    this.detach.push(() => room.onStateChange.remove(sync));
    this.detach.push(
      room.onMessage(ServerMessage.slidePointer, (p: SlidePointerBroadcastPayload) => {
        if (p.at) this.pointers.set(p.screenId, { at: p.at, t: performance.now() });
        else this.pointers.delete(p.screenId);
      }),
    );
  }

  page(to: SlidePageMessage["to"], screenId = this.ui.getState().selected): void {
    this.room.send(ClientMessage.page, { screenId, to });
  }

  assign(deckId: string | null, screenId = this.ui.getState().selected): void {
    this.room.send(ClientMessage.assign, { screenId, deckId });
  }

  grant(participantId: string, presenter: boolean): void {
    this.room.send(ClientMessage.grant, { participantId, presenter });
  }

  select(screenId: string): void {
    this.ui.setState({ selected: screenId });
  }

  /** Turns this presenter's laser dot on or off (off hides a dot already shown). */
  setLaser(on: boolean): void {
    this.ui.setState({ laser: on });
    if (!on) for (const screen of this.layout.screens) this.point(screen.id, null);
  }

  /** Where this presenter points on a screen (u, v from the top-left), at most POINTER_HZ; null hides it. */
  point(screenId: string, at: [number, number] | null): void {
    if (at && !this.ui.getState().laser) return;
    const now = performance.now();
    if (at && now - this.lastPointer < 1000 / POINTER_HZ) return;
    this.lastPointer = now;
    if (at) this.pointers.set(screenId, { at, t: now });
    else this.pointers.delete(screenId);
    this.room.send(ClientMessage.pointer, { screenId, at });
  }

  upload(file: File): Promise<Result<DeckSummary>> {
    return uploadDeck(this.auth, file);
  }

  decks(): Promise<Result<DeckSummary[]>> {
    return listDecks(this.auth);
  }

  /** The opened deck (downloaded once per page, progress in `ui.loads`), or null when it failed. */
  deck(deckId: string): Promise<PDFDocumentProxy | null> {
    let doc = this.docs.get(deckId);
    if (!doc) {
      doc = this.open(deckId);
      this.docs.set(deckId, doc);
      while (this.docs.size > OPEN_DECKS_MAX) {
        const [oldest, entry] = this.docs.entries().next().value!;
        const shown = Object.values(this.ui.getState().screens).some((s) => s.deckId === oldest);
        if (shown) break;
        this.docs.delete(oldest);
        void entry.then((d) => d?.destroy());
      }
    }
    return doc;
  }

  dispose(): void {
    for (const d of this.detach) d();
    for (const doc of this.docs.values()) void doc.then((d) => d?.destroy());
    this.docs.clear();
  }

  private async open(deckId: string): Promise<PDFDocumentProxy | null> {
    const setLoad = (load: DeckLoad) => this.ui.setState((s) => ({ loads: { ...s.loads, [deckId]: load } }));
    setLoad({ state: "loading", fraction: 0 });
    const bytes = await downloadDeck(this.auth, deckId, (fraction) => setLoad({ state: "loading", fraction }));
    if (!bytes.ok) {
      this.docs.delete(deckId); // try again next time it is shown
      setLoad({ state: "failed", error: bytes.error });
      return null;
    }
    try {
      this.trace.push(`downloaded ${bytes.value.byteLength}`);
      const doc = await openPdf(bytes.value, (stage) => this.trace.push(stage));
      this.trace.push("opened");
      setLoad({ state: "ready" });
      return doc;
    } catch (e) {
      this.docs.delete(deckId);
      setLoad({ state: "failed", error: { key: "errors.deckUnreadable", params: { detail: e instanceof Error ? e.message : String(e) } } });
      return null;
    }
  }

  private sync(state: TrainingState): void {
    const slides = state.slides;
    if (!slides) return;
    const prev = this.ui.getState();
    const screens: Record<string, ScreenView> = {};
    let changed = false;
    slides.screens.forEach((s, id) => {
      const view = { deckId: s.deckId, deckName: s.deckName, page: s.page, pageCount: s.pageCount };
      screens[id] = sameScreen(prev.screens[id], view) ? prev.screens[id]! : view;
      if (screens[id] !== prev.screens[id]) {
        changed = true;
        this.changedAt.set(id, performance.now());
      }
    });
    if (Object.keys(prev.screens).length !== Object.keys(screens).length) changed = true;
    const presenters: string[] = [];
    slides.presenters.forEach((on, id) => void (on && presenters.push(id)));
    const self = state.participants.get(this.room.sessionId);
    const role = self?.role ?? "participant";
    const canPage = mayPage(role, presenters.includes(this.room.sessionId));
    const canManage = mayManageSlides(role);
    const samePresenters = presenters.length === prev.presenters.length && presenters.every((p, i) => p === prev.presenters[i]);
    if (changed || !samePresenters || canPage !== prev.canPage || canManage !== prev.canManage) {
      this.ui.setState({ screens: changed ? screens : prev.screens, presenters: samePresenters ? prev.presenters : presenters, canPage, canManage });
    }
  }
}
