import { useEffect, useState } from "react";

/** A touch screen, however large: the walking stick shows. */
export const TOUCH_QUERY = "(pointer: coarse)";
/**
 * A phone or small tablet held either way, or a tablet up to 1366 px tall (a 12.9-inch iPad) held
 * upright, whose narrow width the desktop's side columns would crowd: panels become sheets, one at a
 * time (the same query is in touch.css).
 */
export const COMPACT_QUERY =
  "(pointer: coarse) and (max-width: 820px), (pointer: coarse) and (max-height: 500px), (pointer: coarse) and (orientation: portrait) and (max-height: 1366px)";

/** Whether a CSS media query matches now, following changes (a phone turned round). */
export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener("change", update);
    return () => list.removeEventListener("change", update);
  }, [query]);
  return matches;
}
