import { Suspense, lazy, useState } from "react";
import { joinTrainingRoom } from "./features/connection/join-room.js";
import { joinErrorText } from "./features/connection/error-text.js";
import { serverEndpoint } from "./features/connection/server-endpoint.js";
import { createSessionStore } from "./features/connection/session-store.js";
import { JoinScreen, type JoinProgress } from "./features/join/JoinScreen.js";
import { loadJoinPrefs, saveJoinPrefs, sessionIdFromPath, type JoinPrefs } from "./features/join/join-prefs.js";
import { PresenceReceiver } from "./features/presence/presence-receiver.js";
import { loadRoomLayout } from "./features/room/load-layout.js";
import { wantsEmulation } from "./features/xr/xr-handle.js";
import type { Session } from "./session-context.js";

const loadExperience = () => import("./Experience.js");
const Experience = lazy(loadExperience);

/**
 * Join flow: name and colour → join the room → load the layout, the 3D code and the XR store
 * (with progress) → the experience. Errors return to the join screen with the reason.
 */
export function App() {
  const [sessionId] = useState(() => sessionIdFromPath(window.location.pathname));
  const [prefs] = useState(() => loadJoinPrefs(window.localStorage));
  const [progress, setProgress] = useState<JoinProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [session, setSession] = useState<Session | null>(null);

  const join = async (chosen: JoinPrefs) => {
    saveJoinPrefs(window.localStorage, chosen);
    setError(null);
    const endpoint = serverEndpoint(window.location);
    const scene = loadExperience(); // start fetching the 3D code while we connect
    let room: Awaited<ReturnType<typeof joinTrainingRoom>> | null = null;
    const presence = new PresenceReceiver();
    try {
      setProgress({ label: "Connecting to the training server…", fraction: 0.1 });
      room = await joinTrainingRoom(endpoint, { sessionId, name: chosen.name, colour: chosen.colour, device: "desktop" }, (frame) =>
        presence.enqueue(frame, performance.now()),
      );
      setProgress({ label: "Loading the room…", fraction: 0.35 });
      const layout = await loadRoomLayout(endpoint, room.state.roomLayout, (f) =>
        setProgress({ label: "Loading the room…", fraction: 0.35 + f * 0.4 }),
      );
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
        sessionId,
        selfId: room.sessionId,
        layout,
        store: createSessionStore(),
        xr,
        presence,
        rig: new LocalRig(layout, self?.slot ?? 0),
        avatars: new Map(),
        counters: { frames: 0, sentPoses: 0, lastRender: { calls: 0, triangles: 0 } },
      });
    } catch (e) {
      if (room) void room.leave(true);
      setError(joinErrorText(e, endpoint));
      setProgress(null);
    }
  };

  if (session) {
    return (
      <Suspense fallback={<JoinScreen sessionId={sessionId} initial={prefs} progress={{ label: "Entering…", fraction: 1 }} error={null} onJoin={() => {}} />}>
        <Experience session={session} />
      </Suspense>
    );
  }
  return <JoinScreen sessionId={sessionId} initial={prefs} progress={progress} error={error} onJoin={(p) => void join(p)} />;
}
