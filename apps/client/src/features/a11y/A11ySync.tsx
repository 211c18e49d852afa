import { useEffect } from "react";
import { useStore } from "zustand";
import { useSession } from "../../session-context.js";
import { isTypingTarget } from "../locomotion/keyboard.js";
import { matches } from "./shortcuts.js";
import { useReducedMotion } from "./use-reduced-motion.js";

/**
 * Applies the accessibility settings where they act: mono audio on the voice's master bus (again
 * after a rejoin or a door made a new voice engine), still reactions on the avatars, the page's
 * `reduce-motion` class for CSS transitions; and the Recentre key (R).
 */
export function A11ySync() {
  const { a11y, voice, avatars, rig } = useSession();
  const mono = useStore(a11y, (s) => s.monoAudio);
  const reduced = useReducedMotion();
  useEffect(() => voice.audio.setMono(mono), [voice, mono]);
  useEffect(() => {
    avatars.reducedMotion = reduced;
    document.documentElement.classList.toggle("reduce-motion", reduced);
  }, [avatars, reduced]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || !matches(e, "recentre") || isTypingTarget(e.target)) return;
      rig.recentre = true;
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rig]);
  return null;
}
