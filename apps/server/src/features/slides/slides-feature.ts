import {
  SlideScreen,
  notice as noticeOf,
  type NoticeCode,
  type DeckSummary,
  type Notice,
  type SlideAssignMessage,
  type SlideGrantMessage,
  type SlidePageMessage,
  type SlidePointerBroadcastPayload,
  type SlidePointerMessage,
  type TrainingState,
} from "@otc/contract";
import { RateLimiter } from "@otc/presence";
import { mayManageSlides, mayPage, turnPage } from "@otc/slides";
import type { Storage } from "../../storage/storage.js";
import type { Roster } from "../participants/roster.js";
import { DECKS_COLLECTION } from "./deck-store.js";

/** Collection of what each screen shows (keyed by screen id) and of presenter grants (keyed by person id). */
export const SCREENS_COLLECTION = "slide-screens";
export const PRESENTERS_COLLECTION = "slide-presenters";

/** Page turns per person: a clicker held down repeats ~10 Hz. */
export const PAGE_RATE = { perSecond: 8, burst: 12 };
/** Pointer updates per person, Hz (the client sends ≤ 20 Hz). */
export const POINTER_RATE = { perSecond: 30, burst: 30 };

interface ScreenDoc {
  deckId: string;
  deckName: string;
  page: number;
  pageCount: number;
}

export interface SlidesDeps {
  state: TrainingState;
  roster: Roster;
  storage: Storage;
  sessionId: string;
  /** Screen ids of the room file. */
  screenIds: readonly string[];
  now: () => number;
  /** Sends a pointer to everyone but its sender. */
  relayPointer: (payload: SlidePointerBroadcastPayload, except: string) => void;
}

const notice = (code: NoticeCode, detail?: string): Notice => noticeOf(code, detail ? { detail } : undefined);

/**
 * The slides feature of a room: what each screen shows and who may page it. Page positions,
 * assignments and grants are documents: each change is written through Storage first, then put in
 * `state.slides` (the acknowledgement everyone sees). Changes run one at a time, in arrival order,
 * so two quick "next" presses move two pages. The pointer is presence: checked, rate-limited, relayed.
 */
export class SlidesFeature {
  private readonly grants = new Set<string>(); // person ids
  private readonly limits = new Map<string, { page: RateLimiter; pointer: RateLimiter }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SlidesDeps) {}

  /** Puts back what the screens showed and who was presenter (after a restart or a new room). */
  async restore(): Promise<void> {
    const { storage, sessionId, state, screenIds } = this.deps;
    for (const doc of await storage.listDocuments<ScreenDoc>(sessionId, SCREENS_COLLECTION)) {
      if (screenIds.includes(doc.key) && doc.body.deckId) state.slides.screens.set(doc.key, screenOf(doc.body));
    }
    for (const doc of await storage.listDocuments<{ presenter?: boolean }>(sessionId, PRESENTERS_COLLECTION)) {
      if (doc.body.presenter) this.grants.add(doc.key);
    }
  }

  join(id: string, personId: string): void {
    if (this.grants.has(personId)) this.deps.state.slides.presenters.set(id, true);
  }

  leave(id: string): void {
    this.deps.state.slides.presenters.delete(id);
    this.limits.delete(id);
  }

  page(id: string, msg: SlidePageMessage): Promise<Notice | undefined> {
    return this.serial(async () => {
      const who = this.deps.roster.get(id);
      if (!who || !mayPage(who.role, this.deps.state.slides.presenters.get(id) === true)) return notice("not-presenter");
      if (!this.limiter(id).page.allow(this.deps.now())) return notice("rate-limited");
      const screen = this.deps.state.slides.screens.get(msg.screenId);
      const outcome = turnPage({ page: screen?.page ?? 1, pageCount: screen?.pageCount ?? 0 }, msg.to);
      if (!outcome.ok) return notice("invalid-message", outcome.reason);
      if (!outcome.changed || !screen) return undefined;
      const doc: ScreenDoc = { deckId: screen.deckId, deckName: screen.deckName, pageCount: screen.pageCount, page: outcome.page };
      if (!(await this.save(msg.screenId, doc))) return notice("storage-failed");
      screen.page = outcome.page;
      return undefined;
    });
  }

  assign(id: string, msg: SlideAssignMessage): Promise<Notice | undefined> {
    return this.serial(async () => {
      const who = this.deps.roster.get(id);
      if (!who || !mayManageSlides(who.role)) return notice("screens-facilitator-only");
      if (!this.deps.screenIds.includes(msg.screenId)) return noticeOf("no-such-screen", { screen: msg.screenId });
      if (msg.deckId === null) {
        if (!(await this.save(msg.screenId, { deckId: "", deckName: "", page: 1, pageCount: 0 }))) return notice("storage-failed");
        this.deps.state.slides.screens.delete(msg.screenId);
        return undefined;
      }
      const deck = (await this.deps.storage.getDocument<DeckSummary>(this.deps.sessionId, DECKS_COLLECTION, msg.deckId))?.body;
      if (!deck) return notice("no-such-deck");
      const doc: ScreenDoc = { deckId: deck.id, deckName: deck.name, page: 1, pageCount: deck.pageCount };
      if (!(await this.save(msg.screenId, doc))) return notice("storage-failed");
      this.deps.state.slides.screens.set(msg.screenId, screenOf(doc));
      return undefined;
    });
  }

  grant(id: string, msg: SlideGrantMessage): Promise<Notice | undefined> {
    return this.serial(async () => {
      const who = this.deps.roster.get(id);
      if (!who || !mayManageSlides(who.role)) return notice("presenter-facilitator-only");
      const target = this.deps.roster.identity(msg.participantId);
      if (!target) return notice("person-gone");
      const { storage, sessionId, now } = this.deps;
      try {
        if (msg.presenter) await storage.putDocument(sessionId, PRESENTERS_COLLECTION, target.personId, { presenter: true }, now());
        else await storage.deleteDocument(sessionId, PRESENTERS_COLLECTION, target.personId);
      } catch {
        return notice("storage-failed");
      }
      if (msg.presenter) this.grants.add(target.personId);
      else this.grants.delete(target.personId);
      for (const [pid] of this.deps.state.participants) {
        if (this.deps.roster.identity(pid)?.personId !== target.personId) continue;
        if (msg.presenter) this.deps.state.slides.presenters.set(pid, true);
        else this.deps.state.slides.presenters.delete(pid);
      }
      return undefined;
    });
  }

  /** Presence: relayed to everyone else when the sender may present; never stored. */
  pointer(id: string, msg: SlidePointerMessage): Notice | undefined {
    const who = this.deps.roster.get(id);
    if (!who || !mayPage(who.role, this.deps.state.slides.presenters.get(id) === true)) return notice("not-presenter");
    if (!this.deps.state.slides.screens.has(msg.screenId)) return undefined; // a screen with no deck: nothing to point at
    if (!this.limiter(id).pointer.allow(this.deps.now())) return undefined; // dropped quietly: presence
    this.deps.relayPointer({ ...msg, by: id }, id);
    return undefined;
  }

  private async save(screenId: string, doc: ScreenDoc): Promise<boolean> {
    try {
      await this.deps.storage.putDocument(this.deps.sessionId, SCREENS_COLLECTION, screenId, doc, this.deps.now());
      return true;
    } catch {
      return false;
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private limiter(id: string) {
    let l = this.limits.get(id);
    if (!l) this.limits.set(id, (l = { page: new RateLimiter(PAGE_RATE.perSecond, PAGE_RATE.burst), pointer: new RateLimiter(POINTER_RATE.perSecond, POINTER_RATE.burst) }));
    return l;
  }
}

function screenOf(doc: ScreenDoc): SlideScreen {
  const s = new SlideScreen();
  s.deckId = doc.deckId;
  s.deckName = doc.deckName;
  s.pageCount = doc.pageCount;
  s.page = Math.min(Math.max(1, doc.page), Math.max(1, doc.pageCount));
  return s;
}
