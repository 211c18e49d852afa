import type { ReactNode } from "react";
import { useSessionUi } from "../../session-context.js";
import { goneFor, shownWhenGone, type ShownWhenGone } from "./gone.js";

/**
 * Shows its children only while the page may still show that part of itself (gone.ts): the room's
 * panels and tools (`room`, the default) go once the connection is gone for good (removed, link
 * replaced, session ended); the survey (`survey`) stays at a session's end.
 */
export function UntilGone({ part = "room", children }: { part?: keyof ShownWhenGone; children: ReactNode }) {
  const shown = useSessionUi((s) => shownWhenGone(goneFor(s))[part]);
  return shown ? children : null;
}
