import { createContext, useContext } from "react";
import type { SlidesClient } from "./slides-client.js";

/** The joined room's slides client, for the in-VR Slides tab (the desktop panels get it as a prop). */
export const SlidesContext = createContext<SlidesClient | null>(null);

/** The slides client of the room, or null outside a joined room. */
export function useSlidesClient(): SlidesClient | null {
  return useContext(SlidesContext);
}
