import type { RoomLayout } from "@otc/contract";
import { AmbientLight, DirectionalLight, OrthographicCamera, PMREMGenerator, Scene, WebGLRenderer } from "three";
import { RoomEnvironment } from "three/examples/jsm/environments/RoomEnvironment.js";
import { loadEnvironment } from "../room/load-environment.js";

/** Height the plan is cut at, metres: below ceilings and lamps, above desks and chairs. */
export const CUT_HEIGHT = 2.1;
const PX_PER_M = 40; // image resolution

/**
 * A top-down picture of a room's imported model for the editor's plan, as a PNG data URL covering
 * the room's footprint (x right, −z up). Everything above CUT_HEIGHT is cut away so ceilings do not
 * hide the floor. Rendered once, off screen; null for a room without a model.
 */
export async function renderPlanImage(room: RoomLayout): Promise<string | null> {
  if (!room.environment) return null;
  const model = await loadEnvironment("", room.environment, () => {});
  const [w, , d] = room.size;
  const scene = new Scene();
  scene.add(model, new AmbientLight("#ffffff", 0.6));
  const sun = new DirectionalLight("#ffffff", 1.4);
  sun.position.set(3, 10, 5);
  scene.add(sun);
  // The camera stands at the cut height looking down: what is above it is behind the camera.
  const camera = new OrthographicCamera(-w / 2, w / 2, d / 2, -d / 2, 0.01, CUT_HEIGHT + 5);
  camera.up.set(0, 0, -1);
  camera.position.set(0, CUT_HEIGHT, 0);
  camera.lookAt(0, 0, 0);
  const renderer = new WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  try {
    renderer.setSize(Math.round(w * PX_PER_M), Math.round(d * PX_PER_M), false);
    const pmrem = new PMREMGenerator(renderer);
    const env = pmrem.fromScene(new RoomEnvironment(), 0.04);
    scene.environment = env.texture; // glTF materials default to metallic: black without reflections
    renderer.render(scene, camera);
    env.dispose();
    pmrem.dispose();
    return renderer.domElement.toDataURL("image/png");
  } finally {
    renderer.dispose();
    renderer.forceContextLoss();
  }
}
