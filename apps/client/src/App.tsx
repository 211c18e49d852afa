import { WAITING_POLL_MS, rejectionText } from "@otc/contract";
import { Suspense, lazy, useEffect, useRef, useState } from "react";
import { AvatarRegistry } from "./features/avatars/avatar-registry.js";
import { joinTrainingRoom, type JoinRequest } from "./features/connection/join-room.js";
import { joinErrorText } from "./features/connection/error-text.js";
import { REJOIN_GIVE_UP_MS, isRefusal, rejoinDelayMs } from "./features/connection/rejoin.js";
import { serverEndpoint } from "./features/connection/server-endpoint.js";
import { createSessionStore } from "./features/connection/session-store.js";
import { JoinScreen, type JoinProgress } from "./features/join/JoinScreen.js";
import { invitationFrom, personKeyFor } from "./features/join/invitation.js";
import { loadJoinPrefs, saveJoinPrefs, type JoinPrefs } from "./features/join/join-prefs.js";
import { createWorldUi } from "./features/hand-menu/world-ui.js";
import { takeDoorEntry, type DoorEntry } from "./features/portals/door-entry.js";
import { PresenceReceiver } from "./features/presence/presence-receiver.js";
import { WAITING_TEXT, isWaiting } from "./features/moderation/waiting-room.js";
import { loadRoom } from "./features/room/load-room.js";
import { parseSessionBrand, withSessionBrand } from "@otc/rooms";
import { SpatialAudio } from "./features/voice/audio-graph.js";
import { VoiceEngine } from "./features/voice/voice-engine.js";
import { loadVoicePrefs } from "./features/voice/voice-prefs.js";
import { CONVERSATION_DISTANCE } from "@otc/voice";
import { wantsEmulation } from "./features/xr/xr-handle.js";
import type { Session } from "./session-context.js";

const loadExperience = () => import("./Experience.js");
const Experience = lazy(loadExperience);

function withNotice<S extends { getState(): { setNotice(n: string | null): void } }>(store: S, notice: string | null): S {
  if (notice) store.getState().setNotice(notice);
  return store;
}

function rebranded(s: Session, brand: string): Session {
  return { ...s, brand, layout: withSessionBrand(s.roomLayout, parseSessionBrand(brand)) };
}

const sleep = (ms: number) => new Promise((r) => window.setTimeout(r, ms));

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
  const [error, setError] = useState<string | null>(() => (invitation.link ? null : rejectionText("no-link")));
  const [session, setSession] = useState<Session | null>(null);
  const current = useRef<Session | null>(null);
  current.current = session;

  const connect = (endpoint: string, request: JoinRequest, presence: PresenceReceiver) =>
    joinTrainingRoom(endpoint, request, (frame) => presence.enqueue(frame, performance.now()));

  const rejoin = async () => {
    const lost = current.current;
    if (!lost) return;
    const { store } = lost;
    store.getState().setStatus("reconnecting");
    const started = Date.now();
    for (let attempt = 0; Date.now() - started < REJOIN_GIVE_UP_MS; attempt++) {
      await sleep(rejoinDelayMs(attempt));
      const presence = new PresenceReceiver();
      try {
        const device = store.getState().inVr ? "vr" : "desktop";
        const room = await connect(lost.endpoint, { ...lost.request, device }, presence);
        lost.rig.teleported = true; // the new room starts us at a spawn point: jump back to where we stood
        // Voice signalling belongs to the room: a new engine on the new room (the microphone permission stays granted).
        const muted = lost.voice.ui.getState().muted;
        lost.voice.close();
        const audio = new SpatialAudio(CONVERSATION_DISTANCE);
        audio.resume();
        const voice = new VoiceEngine(room, audio, { ...loadVoicePrefs(window.localStorage), joinMuted: muted });
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

  const join = async (chosen: JoinPrefs, through?: DoorEntry) => {
    if (!invitation.link) return;
    saveJoinPrefs(window.localStorage, chosen);
    setError(null);
    const endpoint = serverEndpoint(window.location);
    const scene = loadExperience(); // start fetching the 3D code while we connect
    let room: Awaited<ReturnType<typeof joinTrainingRoom>> | null = null;
    let voice: VoiceEngine | null = null;
    const presence = new PresenceReceiver();
    const request: JoinRequest = {
      sessionId,
      name: chosen.name,
      colour: chosen.colour,
      device: "desktop",
      link: invitation.link,
      personKey: personKeyFor(window.sessionStorage, (b) => crypto.getRandomValues(b)),
    };
    const audio = new SpatialAudio(CONVERSATION_DISTANCE); // inside the Join click: browsers let it play
    audio.resume();
    try {
      setProgress({ label: "Connecting to the training server…", fraction: 0.1 });
      // A locked session holds newcomers in its waiting room: ask again until a facilitator decides.
      for (const waitingSince = Date.now(); ; ) {
        try {
          room = await connect(endpoint, request, presence);
          break;
        } catch (e) {
          if (!isWaiting(e)) throw e;
          setProgress({ label: WAITING_TEXT.waiting(Math.round((Date.now() - waitingSince) / 1000)), fraction: 0.1 });
          await sleep(WAITING_POLL_MS);
        }
      }
      const voicePrefs = loadVoicePrefs(window.localStorage);
      // before any peer can call; through a door, muted as the person was in the room they left
      voice = new VoiceEngine(room, audio, through ? { ...voicePrefs, joinMuted: through.muted } : voicePrefs);
      void voice.start();
      setProgress({ label: "Loading the room…", fraction: 0.35 });
      const onRoomProgress = (f: number) => setProgress({ label: "Loading the room…", fraction: 0.35 + f * 0.4 });
      // A broken or unreachable room file or model falls back to the default room, with a notice saying why.
      const loaded = await loadRoom(endpoint, room.state.roomLayout, onRoomProgress);
      const { environment, notice: fallbackNotice } = loaded;
      const brand = room.state.brand;
      const layout = withSessionBrand(loaded.layout, parseSessionBrand(brand)); // the session's logo, colours, banner
      voice.setLayout(layout);
      setProgress({ label: "Preparing the 3D view…", fraction: 0.8 });
      const [{ createXrHandle }, { LocalRig }] = await Promise.all([
        import("./features/xr/create-xr-handle.js"),
        import("./features/locomotion/local-rig.js"),
        scene,
      ]);
      const xr = await createXrHandle(wantsEmulation(window.location.search));
      const self = room.state.participants.get(room.sessionId);
      setProgress({ label: "Entering…", fraction: 1 });
      setSession({
        room,
        endpoint,
        request,
        onLost: () => void rejoin(),
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
        counters: { frames: 0, sentPoses: 0, lastRender: { calls: 0, triangles: 0, textures: 0, geometries: 0 }, scene: null },
        voice,
        worldUi: createWorldUi(),
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
      if (!s || s.room !== liveRoom || s.brand === liveRoom.state.brand) return;
      current.current = rebranded(s, liveRoom.state.brand);
      setSession(current.current);
    };
    sync();
    liveRoom.onStateChange(sync);
    return () => liveRoom.onStateChange.remove(sync);
  }, [liveRoom]);

  // Through a door from another room of the training: join straight away as the same person.
  const joinThroughDoor = useRef(true);
  useEffect(() => {
    if (!joinThroughDoor.current) return;
    joinThroughDoor.current = false;
    const entry = takeDoorEntry(window.sessionStorage, sessionId, Date.now());
    if (entry && invitation.link && prefs.name) void join(prefs, entry);
  });

  if (session) {
    return (
      <Suspense fallback={<JoinScreen sessionId={sessionId} canJoin={false} initial={prefs} progress={{ label: "Entering…", fraction: 1 }} error={null} onJoin={() => {}} />}>
        <Experience session={session} />
      </Suspense>
    );
  }
  return <JoinScreen sessionId={sessionId} initial={prefs} progress={progress} error={error} canJoin={invitation.link !== null} onJoin={(p) => void join(p)} />;
}
