import { WAITING_POLL_MS, type BandwidthMode } from "@otc/contract";
import { Suspense, lazy, useEffect, useRef, useState } from "react";
import type { JoinKit } from "./features/connection/join-kit.js";
import type { JoinRequest } from "./features/connection/join-room.js";
import { joinErrorText } from "./features/connection/error-text.js";
import { REJOIN_GIVE_UP_MS, isRefusal, rejoinDelayMs } from "./features/connection/rejoin.js";
import { serverEndpoint } from "./features/connection/server-endpoint.js";
import { JoinScreen, type JoinProgress } from "./features/join/JoinScreen.js";
import { invitationFrom, personKeyFor } from "./features/join/invitation.js";
import { loadJoinForm } from "./features/join/join-email.js";
import { loadJoinPrefs, saveJoinPrefs, type JoinPrefs } from "./features/join/join-prefs.js";
import { doorDestination, invitationOfPath } from "./features/portals/door-entry.js";
import type { RoomInvitation, SwitchHow } from "./features/connection/switch-room.js";
import type { PresenceReceiver } from "./features/presence/presence-receiver.js";
import { isWaiting, waitedText } from "./features/moderation/waiting-room.js";
import { SpatialAudio } from "./features/voice/audio-graph.js";
import type { VoiceEngine } from "./features/voice/voice-engine.js";
import { CONVERSATION_DISTANCE } from "@otc/voice";
import { wantsEmulation } from "./features/xr/xr-handle.js";
import { useLanguage } from "./features/i18n/language-context.js";
import type { Wording } from "./features/i18n/wording.js";
import type { Session } from "./session-context.js";
import { thisScreenDevice } from "./features/touch/device-kind.js";

const loadExperience = () => import("./Experience.js");
/** The joining code (Colyseus, voice, presence, room loader): fetched once the join screen is up, see join-kit.ts. */
const loadJoinKit = () => import("./features/connection/join-kit.js");
const Experience = lazy(loadExperience);

function withNotice<S extends { getState(): { setNotice(n: Wording | string | null): void } }>(store: S, notice: Wording | string | null): S {
  if (notice) store.getState().setNotice(notice);
  return store;
}

function rebranded(kit: JoinKit, s: Session, brand: string): Session {
  return { ...s, brand, layout: kit.withSessionBrand(s.roomLayout, kit.parseSessionBrand(brand)) };
}

const sleep = (ms: number) => new Promise((r) => window.setTimeout(r, ms));

/** Said when a door's room refused us (the person stays where they are). */
const couldNotGo = (room: string, reason: Wording | string): Wording => ({ key: "status.couldNotGo", params: { room }, reason });

/** What this page keeps in a history entry: the room's title, said when Back returns there. */
interface HistoryNote {
  otcTitle: string;
}
/** The address of a session's invitation, with this page's client flags (emulated headset, test hooks). */
const addressOf = (to: { sessionId: string; link: string }) => doorDestination(`/s/${encodeURIComponent(to.sessionId)}?k=${encodeURIComponent(to.link)}`, window.location.search);
const titleOf = (state: unknown): string | null =>
  typeof state === "object" && state !== null && typeof (state as Partial<HistoryNote>).otcTitle === "string" ? (state as HistoryNote).otcTitle : null;

/**
 * Join flow: name and colour → join the room → load the layout, the 3D code and the XR store
 * (with progress) → the experience. Errors return to the join screen with the reason. When the
 * server goes away (restart, crash) the page joins the same session again with the same invitation
 * and person key, keeping the 3D view and the person's place.
 */
export function App() {
  const [invitation] = useState(() => invitationFrom(window.location));
  const { sessionId } = invitation;
  const [prefs] = useState(() => loadJoinPrefs(window.localStorage));
  const [progress, setProgress] = useState<JoinProgress | null>(null);
  const [error, setError] = useState<Wording | string | null>(() => (invitation.link ? null : { key: "notice.no-link" }));
  const { setSessionLanguage } = useLanguage();
  const [session, setSession] = useState<Session | null>(null);
  const current = useRef<Session | null>(null);
  current.current = session;

  const kitRef = useRef<JoinKit | null>(null);
  useEffect(() => void loadJoinKit().then((k) => (kitRef.current = k), () => undefined), []); // while the person types their name
  const [askEmail, setAskEmail] = useState(false);
  useEffect(() => {
    if (!invitation.link) return;
    const personKey = personKeyFor(window.sessionStorage, (b) => crypto.getRandomValues(b));
    void loadJoinForm(serverEndpoint(window.location), sessionId, invitation.link, personKey).then((f) => setAskEmail(f.askEmail));
  }, [sessionId, invitation.link]);
  const connect = (kit: JoinKit, endpoint: string, request: JoinRequest, presence: PresenceReceiver) =>
    kit.joinTrainingRoom(endpoint, request, (frame) => presence.enqueue(frame, performance.now()));

  const rejoin = async () => {
    const lost = current.current;
    if (!lost) return;
    const { store } = lost;
    const kit = await loadJoinKit();
    const { PresenceReceiver, VoiceEngine, loadVoicePrefs } = kit;
    store.getState().setStatus("reconnecting");
    const started = Date.now();
    for (let attempt = 0; Date.now() - started < REJOIN_GIVE_UP_MS; attempt++) {
      await sleep(rejoinDelayMs(attempt));
      const presence = new PresenceReceiver();
      try {
        const device = store.getState().inVr ? "vr" : "desktop";
        const room = await connect(kit, lost.endpoint, { ...lost.request, device }, presence);
        lost.rig.teleported = true; // the new room starts us at a spawn point: jump back to where we stood
        // Voice signalling belongs to the room: a new engine on the new room (the microphone permission stays granted).
        const muted = lost.voice.ui.getState().muted;
        lost.voice.close();
        const audio = new SpatialAudio(CONVERSATION_DISTANCE);
        audio.resume();
        const voice = new VoiceEngine(room, audio, { ...loadVoicePrefs(window.localStorage), joinMuted: muted, lowBandwidth: lost.request.bandwidth === "low" });
        void voice.start();
        voice.setLayout(lost.layout);
        setSession({ ...lost, room, selfId: room.sessionId, presence, voice });
        store.getState().setStatus("connected");
        return;
      } catch (e) {
        if (isRefusal(e)) {
          store.getState().setNotice(joinErrorText(e, lost.endpoint));
          break;
        }
      }
    }
    store.getState().setStatus("disconnected");
  };

  const switching = useRef(false);
  /**
   * Moves to another session inside this page (see Session.switchRoom and connection/switch-room.ts):
   * the next room is joined beside this one, shown, and only then is this one left; a refusal leaves
   * the person where they are, told why. The address bar follows, so a reload lands in the new room.
   */
  const switchRoom = async (to: RoomInvitation, how: SwitchHow = {}): Promise<boolean> => {
    const from = current.current;
    if (!from || switching.current) return false;
    switching.current = true;
    const askedAt = performance.now();
    const startedAt = how.startedAt ?? askedAt;
    const { store } = from;
    store.getState().setGoingTo(to.title);
    try {
      const { enterRoom } = await import("./features/connection/switch-room.js");
      const marks: { connectedAt?: number } = {};
      const next = await enterRoom(from, to, how, marks);
      const joinedAt = performance.now();
      next.counters.roomSwitches.push({ from: from.sessionId, to: to.sessionId, startedAt, askedAt, connectedAt: marks.connectedAt ?? joinedAt, joinedAt, firstFrameAt: null });
      from.voice.release(); // the new room's voice has the microphone now
      retired.current.add(from.room);
      current.current = next;
      setSession(next);
      const path = addressOf(to);
      window.history.replaceState({ ...(window.history.state as object | null), otcTitle: from.room.state.title } satisfies HistoryNote, "");
      if (how.push === false) window.history.replaceState({ otcTitle: to.title } satisfies HistoryNote, "", path);
      else window.history.pushState({ otcTitle: to.title } satisfies HistoryNote, "", path);
      return true;
    } catch (e) {
      store.getState().setNotice(couldNotGo(to.title, joinErrorText(e, from.endpoint)));
      // Back/Forward already changed the address: it names the room one is still in again.
      if (how.push === false) window.history.replaceState({ otcTitle: from.room.state.title } satisfies HistoryNote, "", addressOf(from.request));
      return false;
    } finally {
      store.getState().setGoingTo(null);
      switching.current = false;
    }
  };
  const setBandwidth = (mode: BandwidthMode) => {
    const from = current.current;
    if (!from || (from.request.bandwidth ?? "normal") === mode) return;
    from.voice.setLowBandwidth(mode === "low");
    const next = { ...from, request: { ...from.request, bandwidth: mode } };
    current.current = next;
    setSession(next);
  };

  // Rooms left behind by a switch are left once the page shows the next one (their listeners detached first).
  const retired = useRef(new WeakSet<object>());

  const join = async (chosen: JoinPrefs) => {
    if (!invitation.link) return;
    saveJoinPrefs(window.localStorage, chosen);
    setError(null);
    const endpoint = serverEndpoint(window.location);
    const scene = loadExperience(); // start fetching the 3D code while we connect
    let room: Awaited<ReturnType<JoinKit["joinTrainingRoom"]>> | null = null;
    let voice: VoiceEngine | null = null;
    const request: JoinRequest = {
      sessionId,
      name: chosen.name,
      colour: chosen.colour,
      device: thisScreenDevice(),
      link: invitation.link,
      personKey: personKeyFor(window.sessionStorage, (b) => crypto.getRandomValues(b)),
      ...(chosen.bandwidth === "low" ? { bandwidth: "low" as const } : {}),
      ...(chosen.email ? { email: chosen.email } : {}),
    };
    const audio = new SpatialAudio(CONVERSATION_DISTANCE); // inside the Join click: browsers let it play
    audio.resume();
    try {
      setProgress({ label: { key: "join.progress.connecting" }, fraction: 0.1 });
      const kit = await loadJoinKit();
      kitRef.current = kit;
      const { PresenceReceiver, VoiceEngine, loadVoicePrefs, loadRoom, withSessionBrand, parseSessionBrand, createSessionStore, AvatarRegistry, createWorldUi, createComfortStore, createA11yStore, pageStorage } = kit;
      const presence = new PresenceReceiver();
      // A locked session holds newcomers in its waiting room: ask again until a facilitator decides.
      for (const waitingSince = Date.now(); ; ) {
        try {
          room = await connect(kit, endpoint, request, presence);
          break;
        } catch (e) {
          if (!isWaiting(e)) throw e;
          setProgress({ label: { key: "join.progress.waiting", params: { waited: waitedText(Date.now() - waitingSince) } }, fraction: 0.1 });
          await sleep(WAITING_POLL_MS);
        }
      }
      const voicePrefs = { ...loadVoicePrefs(window.localStorage), lowBandwidth: request.bandwidth === "low" };
      voice = new VoiceEngine(room, audio, voicePrefs); // before any peer can call
      void voice.start();
      setProgress({ label: { key: "join.progress.room" }, fraction: 0.35 });
      const onRoomProgress = (f: number) => setProgress({ label: { key: "join.progress.room" }, fraction: 0.35 + f * 0.4 });
      // A broken or unreachable room file or model falls back to the default room, with a notice saying why.
      const loaded = await loadRoom(endpoint, room.state.roomLayout, onRoomProgress, request.bandwidth === "low");
      const { environment, notice: fallbackNotice } = loaded;
      const brand = room.state.brand;
      const layout = withSessionBrand(loaded.layout, parseSessionBrand(brand)); // the session's logo, colours, banner
      voice.setLayout(layout);
      setProgress({ label: { key: "join.progress.view" }, fraction: 0.8 });
      const [{ createXrHandle }, { LocalRig }] = await Promise.all([
        import("./features/xr/create-xr-handle.js"),
        import("./features/locomotion/local-rig.js"),
        scene,
      ]);
      const xr = await createXrHandle(wantsEmulation(window.location.search));
      const self = room.state.participants.get(room.sessionId);
      setProgress({ label: { key: "join.progress.entering" }, fraction: 1 });
      setSessionLanguage(room.state.language || null);
      setSession({
        room,
        endpoint,
        request,
        onLost: () => void rejoin(),
        switchRoom,
        setBandwidth,
        arrival: null,
        sessionId,
        selfId: room.sessionId,
        layout,
        roomLayout: loaded.layout,
        brand,
        environment,
        store: withNotice(createSessionStore(), fallbackNotice),
        xr,
        presence,
        rig: new LocalRig(layout, self?.spawn ?? 0),
        avatars: new AvatarRegistry(),
        counters: { frames: 0, sentPoses: 0, lastRender: { calls: 0, triangles: 0, textures: 0, geometries: 0 }, scene: null, roomSwitches: [] },
        voice,
        worldUi: createWorldUi(),
        comfort: createComfortStore(pageStorage()),
        a11y: createA11yStore(pageStorage()),
      });
    } catch (e) {
      if (voice) voice.close();
      else audio.close();
      if (room) void room.leave(true);
      setError(joinErrorText(e, endpoint));
      setProgress(null);
    }
  };

  // A brand changed in the console (or while the page was reconnecting) shows without a reload, in VR too.
  const liveRoom = session?.room;
  useEffect(() => {
    if (!liveRoom) return;
    // Runs on every state patch: a string comparison, and a new session only when the brand changed.
    const sync = () => {
      const s = current.current;
      if (!s || !kitRef.current || s.room !== liveRoom || s.brand === liveRoom.state.brand) return;
      current.current = rebranded(kitRef.current, s, liveRoom.state.brand);
      setSession(current.current);
    };
    sync();
    liveRoom.onStateChange(sync);
    return () => liveRoom.onStateChange.remove(sync);
  }, [liveRoom]);

  useEffect(() => {
    if (!liveRoom) return;
    return () => {
      if (retired.current.has(liveRoom)) void liveRoom.leave(true).catch(() => undefined);
    };
  }, [liveRoom]);

  // Back (and Forward) after a door: the address names another session; go there in place too.
  const joined = session !== null;
  useEffect(() => {
    if (!joined) return;
    const onPop = (e: PopStateEvent) => {
      const to = invitationOfPath(`${window.location.pathname}${window.location.search}`);
      const here = current.current;
      if (!to || !here || to.sessionId === here.sessionId) return;
      void switchRoom({ ...to, title: titleOf(e.state) ?? to.sessionId }, { push: false });
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
    // switchRoom reads only refs: the listener made on joining stays right
  }, [joined]);

  if (session) {
    return (
      <Suspense fallback={<JoinScreen sessionId={sessionId} canJoin={false} initial={prefs} progress={{ label: { key: "join.progress.entering" }, fraction: 1 }} error={null} onJoin={() => {}} />}>
        <Experience session={session} />
      </Suspense>
    );
  }
  return <JoinScreen sessionId={sessionId} initial={prefs} progress={progress} error={error} canJoin={invitation.link !== null} askEmail={askEmail} onJoin={(p) => void join(p)} />;
}
