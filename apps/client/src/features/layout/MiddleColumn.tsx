import { useCallback, useLayoutEffect, useMemo, useRef, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";
import { COMPACT_QUERY, useMedia } from "../touch/use-media.js";

/**
 * Windows up to this wide (half of a laptop screen, a small browser window): the middle column, 300 px
 * wide and 404 px from the right edge, would run under the left column's board tools (12–188 px) below
 * ~900 px, so it joins the right column under the people list instead (styles.css: `.hud-dock-right.in-side`).
 */
export const NARROW_QUERY = "(max-width: 920px)";

/**
 * The facilitator's and participant's middle column (onboarding progress, facilitation, chat,
 * accessibility): beside the people list in a wide window, inside the right column (`sideSlot`) in a
 * narrow one. The panels are rendered once, into an element that is moved between the two places, so
 * crossing the width keeps what they hold (a chat draft, an open section, the focus). Phones and small tablets
 * keep it in place: there it is the Chat sheet (touch.css).
 */
export function MiddleColumn({ sideSlot, children }: { sideSlot: RefObject<HTMLDivElement | null>; children: ReactNode }) {
  const narrow = useMedia(NARROW_QUERY);
  const compact = useMedia(COMPACT_QUERY);
  const inSide = narrow && !compact;
  const column = useMemo(() => document.createElement("div"), []);
  const home = useRef<HTMLDivElement | null>(null);
  const place = useCallback(() => {
    const parent = inSide ? sideSlot.current : home.current;
    column.className = inSide ? "hud-dock-right in-side" : "hud-dock-right";
    if (!parent || column.parentElement === parent) return;
    const focused = document.activeElement instanceof HTMLElement && column.contains(document.activeElement) ? document.activeElement : null;
    parent.appendChild(column);
    focused?.focus({ preventScroll: true }); // moving a node blurs it: the person typing keeps typing
  }, [column, inSide, sideSlot]);
  // Placed when the home slot mounts (before the panels' own layout effects run) and whenever the width crosses.
  const homeRef = useCallback(
    (el: HTMLDivElement | null) => {
      home.current = el;
      if (el) place();
    },
    [place],
  );
  useLayoutEffect(() => {
    place();
  }, [place]);
  useLayoutEffect(() => () => column.remove(), [column]);
  return (
    <>
      <div ref={homeRef} className="dock-slot" />
      {createPortal(children, column)}
    </>
  );
}
