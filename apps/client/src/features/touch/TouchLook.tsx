import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { useSession } from "../../session-context.js";
import { attachTouchLook } from "./touch-look.js";

/** Inside the Canvas: a finger dragged on the scene looks around (outside VR). */
export function TouchLook() {
  const { rig } = useSession();
  const gl = useThree((s) => s.gl);
  useEffect(() => attachTouchLook(gl.domElement, rig, () => !gl.xr.isPresenting), [gl, rig]);
  return null;
}
