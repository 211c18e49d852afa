import { useEffect, useRef, type PointerEvent } from "react";
import { useSession, useSessionUi } from "../../session-context.js";
import { joystickVector, knobOffset } from "./touch-input.js";
import { TOUCH_QUERY, useMedia } from "./use-media.js";
import "./touch.css";

/**
 * The thumb stick (bottom left on a touch screen): pushed, it walks the person as the arrow keys do,
 * through the same walking code (DesktopControls reads `rig.walkStick`), at the push's share of the
 * walking speed. Hidden for a mouse and in VR. Not a keyboard control: the keys walk already.
 */
export function TouchStick() {
  const { rig } = useSession();
  const touch = useMedia(TOUCH_QUERY);
  const inVr = useSessionUi((s) => s.inVr);
  const base = useRef<HTMLDivElement>(null);
  const knob = useRef<HTMLDivElement>(null);
  const held = useRef<number | null>(null);

  const rest = () => {
    held.current = null;
    rig.walkStick.x = 0;
    rig.walkStick.y = 0;
    if (knob.current) knob.current.style.transform = "";
  };
  useEffect(() => {
    window.addEventListener("blur", rest);
    return () => {
      window.removeEventListener("blur", rest);
      rest();
    };
  }, [rig]); // `rest` touches only refs and the rig

  if (!touch || inVr) return null;

  const push = (e: PointerEvent<HTMLDivElement>) => {
    const el = base.current;
    if (!el || held.current !== e.pointerId) return;
    const r = el.getBoundingClientRect();
    const centre = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    const reach = r.width / 2; // px: the rim is full speed
    const at = { x: e.clientX, y: e.clientY };
    const v = joystickVector(centre, at, reach);
    rig.walkStick.x = v.x;
    rig.walkStick.y = v.y;
    const k = knobOffset(centre, at, reach);
    if (knob.current) knob.current.style.transform = `translate(${k.x}px, ${k.y}px)`;
  };
  const end = (e: PointerEvent<HTMLDivElement>) => {
    if (held.current === e.pointerId) rest();
  };

  return (
    <div
      ref={base}
      className="hud touch-stick"
      data-testid="touch-stick"
      aria-hidden
      onPointerDown={(e) => {
        if (held.current !== null) return;
        held.current = e.pointerId;
        e.currentTarget.setPointerCapture(e.pointerId);
        push(e);
      }}
      onPointerMove={push}
      onPointerUp={end}
      onPointerCancel={end}
      onLostPointerCapture={end}
    >
      <div ref={knob} className="touch-stick-knob" />
    </div>
  );
}
