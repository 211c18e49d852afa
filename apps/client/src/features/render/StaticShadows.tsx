import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef } from "react";

/** Frames the shadow map is redrawn after the room changes: instances, fixtures and the model settle in the first few. */
const SETTLE_FRAMES = 3;

/**
 * Only the room casts shadows (avatars do not), and the room does not move: the shadow map is drawn
 * for the first frames after `room` changes and then kept, instead of a second pass over every
 * caster each frame. On a headset that is ~10–15 draw calls and the casters' triangles saved per frame.
 */
export function StaticShadows({ room }: { room: unknown }) {
  const gl = useThree((s) => s.gl);
  const left = useRef(SETTLE_FRAMES);
  useEffect(() => {
    gl.shadowMap.autoUpdate = false;
    left.current = SETTLE_FRAMES;
    return () => {
      gl.shadowMap.autoUpdate = true;
    };
  }, [gl, room]);
  useFrame(() => {
    if (left.current <= 0) return;
    left.current--;
    gl.shadowMap.needsUpdate = true;
  });
  return null;
}
