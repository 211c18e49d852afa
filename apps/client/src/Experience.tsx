import { BreakoutNotice } from "./features/breakouts/BreakoutNotice.js";
import { GalleryBoards } from "./features/breakouts/GalleryBoards.js";
import { ChatPanel } from "./features/chat/ChatPanel.js";
import { GatherNotice } from "./features/gather/GatherNotice.js";
import { HandAlerts } from "./features/moderation/HandAlerts.js";
import { ModerationPanel } from "./features/moderation/ModerationPanel.js";
import { Canvas } from "@react-three/fiber";
import { XR } from "@react-three/xr";
import { Fragment, Suspense, lazy, useCallback, useEffect, useMemo, useRef } from "react";
import { ACESFilmicToneMapping, PCFShadowMap, Vector3 } from "three";
import { AvatarHud } from "./features/avatars/AvatarHud.js";
import { AvatarVrControls } from "./features/avatars/AvatarVrControls.js";
import { RemoteAvatars } from "./features/avatars/RemoteAvatars.js";
import { StatusLine } from "./features/connection/StatusLine.js";
import { UntilGone } from "./features/connection/UntilGone.js";
import { wireRoom } from "./features/connection/wire-room.js";
import { closeVoiceWhenGone } from "./features/voice/close-when-gone.js";
import { DesktopControls } from "./features/locomotion/DesktopControls.js";
import { KeyboardWalk } from "./features/locomotion/KeyboardWalk.js";
import { TeleportArc } from "./features/locomotion/TeleportArc.js";
import { VrRig } from "./features/locomotion/VrRig.js";
import { resolveWalk } from "@otc/rooms";
import { PeoplePanel } from "./features/people/PeoplePanel.js";
import { PresenceSync } from "./features/presence/PresenceSync.js";
import { Doors } from "./features/portals/Doors.js";
import { RoomArrival } from "./features/portals/RoomArrival.js";
import { StaticShadows } from "./features/render/StaticShadows.js";
import { FrameCap } from "./features/render/FrameCap.js";
import { LOW_POWER_HZ, lowPowerWanted } from "./features/render/low-power.js";
import { RoomScene } from "./features/room/RoomScene.js";
import { SlideControls } from "./features/slides/SlideControls.js";
import { SlideScreens } from "./features/slides/SlideScreens.js";
import { SlidesContext } from "./features/slides/slides-context.js";
import { useSlides } from "./features/slides/use-slides.js";
import type { ChartDrawn } from "./features/polls/chart-draw.js";
import { PollScreens } from "./features/polls/PollScreens.js";
import { PollsPanel } from "./features/polls/PollsPanel.js";
import { PollsContext, usePollsClient } from "./features/polls/use-polls.js";
import { OnboardingCard } from "./features/onboarding/OnboardingCard.js";
import { SurveyCard } from "./features/survey/SurveyCard.js";
import { OnboardingProgressPanel } from "./features/onboarding/OnboardingProgress.js";
import { OnboardingInWorld } from "./features/onboarding/OnboardingInWorld.js";
import { TimerHud } from "./features/timer/TimerHud.js";
import { TouchBar } from "./features/touch/TouchBar.js";
import { TouchLook } from "./features/touch/TouchLook.js";
import { TouchStick } from "./features/touch/TouchStick.js";
import { TimerScreens } from "./features/timer/TimerScreens.js";
import { TimerContext, useTimerClient } from "./features/timer/use-timer.js";
import { installTestHooks, testHooksWanted } from "./features/testhooks/test-hooks.js";
import { DeviceReporter } from "./features/xr/DeviceReporter.js";
import { LeaveVrWhenGone } from "./features/xr/LeaveVrWhenGone.js";
import { EnterVrButton } from "./features/xr/EnterVrButton.js";
import { ModerationNotices } from "./features/voice/ModerationNotices.js";
import { VoiceControls } from "./features/voice/VoiceControls.js";
import { VoiceSync } from "./features/voice/VoiceSync.js";
import { VrMuteButton } from "./features/voice/VrMuteButton.js";
import { WhiteboardToolbar } from "./features/whiteboard/WhiteboardToolbar.js";
import { Whiteboards } from "./features/whiteboard/Whiteboards.js";
import { wantsEmulation } from "./features/xr/xr-handle.js";
import { LanguagePicker } from "./features/i18n/LanguagePicker.js";
import { MiddleColumn } from "./features/layout/MiddleColumn.js";
import { useT } from "./features/i18n/language-context.js";
import { SessionContext, type Session } from "./session-context.js";
import { useStore } from "zustand";
import { hintMs } from "./features/a11y/a11y-settings.js";
import { A11yMenu } from "./features/a11y/A11yMenu.js";
import { A11ySync } from "./features/a11y/A11ySync.js";
import { SceneMirror } from "./features/a11y/SceneMirror.js";
import { ShortcutsHelp } from "./features/a11y/ShortcutsHelp.js";
import { ROOM_REGION_ID, SkipLink } from "./features/a11y/SkipLink.js";
import "./features/a11y/a11y.css";

/** The in-world UI (hand menu, VR notices): its own chunk, fetched on entering VR only. */
const XrUi = lazy(() => import("./features/xr-ui/XrUi.js"));

/** The joined experience: the 3D room (desktop and VR) and the DOM overlay. Lazy-loaded after Join. */
export default function Experience({ session }: { session: Session }) {
  const t = useT();
  const { room, store, rig, layout } = session;

  const { onLost } = session;
  const lowPower = useMemo(() => lowPowerWanted(window.location.search), []);
  const middleInSide = useRef<HTMLDivElement | null>(null); // the middle column's place in a narrow window
  const inVr = useStore(store, (s) => s.inVr);
  const xrUiWanted = useMemo(() => wantsEmulation(window.location.search), []) || inVr;
  const slides = useSlides(session);
  const chartsDrawn = useMemo(() => new Map<string, ChartDrawn>(), []);
  const polls = usePollsClient(session, chartsDrawn);
  const timer = useTimerClient(session);
  useEffect(() => wireRoom(room, store, onLost, () => hintMs(6000, session.a11y.getState().hintTime)), [room, store, onLost, session.a11y]);
  useEffect(() => closeVoiceWhenGone(store, session.voice), [store, session.voice]);
  useEffect(() => (testHooksWanted(window.location.search) ? installTestHooks(session) : undefined), [session]);
  useEffect(() => {
    const leave = () => void room.leave(true);
    window.addEventListener("pagehide", leave);
    return () => window.removeEventListener("pagehide", leave);
  }, [room]);

  const walkTo = useCallback(
    (point: Vector3) => {
      const [x, z] = resolveWalk(point.x, point.z, 0.25, layout.walkable, rig.obstacles);
      rig.walkTarget = new Vector3(x, 0, z);
    },
    [rig, layout],
  );

  return (
    <SessionContext.Provider value={session}>
      {/* not indented below: polls and timer reach the hand menu and screens through these (R3F bridges contexts) */}
      <PollsContext.Provider value={polls}><TimerContext.Provider value={timer}>
      <SkipLink />
      {/* The skip link's target: focused, the walking and turning keys act on the room. */}
      <div className="scene" id={ROOM_REGION_ID} tabIndex={-1} role="region" aria-label={t("a11y.room")}>
        <Canvas
          shadows={lowPower ? false : { type: PCFShadowMap }}
          dpr={lowPower ? 1 : [1, 2]}
          frameloop={lowPower ? "demand" : "always"}
          camera={{ fov: 70, near: 0.05, far: 60, position: rig.desktopHead.toArray() }}
          gl={{ antialias: !lowPower, toneMapping: ACESFilmicToneMapping, toneMappingExposure: layout.lighting.exposure }}
        >
          {lowPower && <FrameCap hz={LOW_POWER_HZ} />}
          {!lowPower && <StaticShadows room={session.environment ?? layout} />}
          <XR store={session.xr.store}>
            {/* What belongs to one room is made afresh when a door switches rooms; the rig, the XR session and the in-world UI go on. */}
            <Fragment key={session.sessionId}>
              <RoomScene layout={layout} environment={session.environment} onFloorClick={walkTo} />
              <RemoteAvatars />
              <PresenceSync />
              <Whiteboards />
              <GalleryBoards />
              <SlideScreens slides={slides} />
              <PollScreens polls={polls} anchors={layout.screens} drawn={chartsDrawn} />
              <TimerScreens timer={timer} anchors={layout.screens} />
              <Doors layout={layout} />
              <RoomArrival />
            </Fragment>
            <DesktopControls />
            <TouchLook />
            <VrRig />
            <TeleportArc />
            <AvatarVrControls />
            <VoiceSync />
            <UntilGone>
              <VrMuteButton />
              <OnboardingInWorld />
            </UntilGone>
            {xrUiWanted && (
              <SlidesContext.Provider value={slides}>
                <Suspense fallback={null}>
                  <XrUi />
                </Suspense>
              </SlidesContext.Provider>
            )}
          </XR>
        </Canvas>
      </div>
      <A11ySync />
      <DeviceReporter />
      <LeaveVrWhenGone />
      {/* The room's panels and tools go with the connection (removed, link replaced, session ended: connection/gone.ts),
          so nothing offers to act in a room one is no longer in; the status line, its final notice and the language stay. */}
      <UntilGone>
        <KeyboardWalk />
        <SceneMirror slides={slides} />
        <ModerationNotices />
      </UntilGone>
      <StatusLine />
      <UntilGone>
        {/* Right column, top down: the people list (it gives up height and scrolls), then at the bottom the
            onboarding card (or Learn the room again) above the slides panel; stacked, never overlapping. */}
        <div className="hud-dock-side">
          <PeoplePanel />
          <div ref={middleInSide} className="dock-slot" />
          <OnboardingCard />
          <SlideControls slides={slides} />
        </div>
        <HandAlerts />
        <BreakoutNotice />
        <GatherNotice />
        {/* Beside the people panel (under it in a narrow window): the facilitator's panel above the chat. */}
        <MiddleColumn sideSlot={middleInSide}>
          <OnboardingProgressPanel />
          <ModerationPanel />
          <ChatPanel />
          <A11yMenu />
        </MiddleColumn>
        <AvatarHud />
        <TouchStick />
        <TouchBar slides={slides} />
        {/* Left column under the status line: the voice bar, then the whiteboard tools; stacked, never overlapping. */}
        <div className="hud-dock-left">
          <VoiceControls />
          <TimerHud />
          <WhiteboardToolbar />
          <PollsPanel />
        </div>
        <div className="hud help">
          <span className="help-keys">{t("help.keys")}</span> <ShortcutsHelp />
        </div>
      </UntilGone>
      <LanguagePicker className="hud language-menu" />
      <UntilGone>
        <EnterVrButton />
      </UntilGone>
      <UntilGone part="survey">
        <SurveyCard />
      </UntilGone>
      </TimerContext.Provider></PollsContext.Provider>
    </SessionContext.Provider>
  );
}
