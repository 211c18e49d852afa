import { useEffect, useMemo } from "react";
import type { Session } from "../../session-context.js";
import { testHooksWanted } from "../testhooks/test-hooks.js";
import { SlidesClient } from "./slides-client.js";
import { installSlidesTestHooks } from "./slides-test-hooks.js";

/**
 * The slides feature for the joined room: one SlidesClient per room (a rejoin after a server
 * restart makes a new one), disposed with it; with `?testhooks=1` it also shows on `window.__otc.slides`.
 */
export function useSlides(session: Session): SlidesClient {
  const { room, layout, endpoint, sessionId, request } = session;
  const slides = useMemo(
    () => new SlidesClient(room, layout, { endpoint, sessionId, link: request.link ?? "", personKey: request.personKey }),
    // the screens matter, not the brand laid over the room
    [room, layout.screens, endpoint, sessionId, request],
  );
  useEffect(() => {
    const uninstall = testHooksWanted(window.location.search) ? installSlidesTestHooks(slides) : undefined;
    return () => {
      uninstall?.();
      slides.dispose();
    };
  }, [slides]);
  return slides;
}
