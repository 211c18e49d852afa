import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { Mesh, MeshStandardMaterial, PMREMGenerator, type Group } from "three";
import { RoomEnvironment } from "three/examples/jsm/environments/RoomEnvironment.js";

/** How strongly the generated room reflections light the model (metallic surfaces are black without them). */
const ENV_INTENSITY = 0.8;

/**
 * The imported model that is the room's architecture, already placed by its offset (see
 * load-environment.ts). glTF materials are metallic unless the author says otherwise, and a metal
 * with nothing to reflect renders black: the model gets reflections of a neutral room generated
 * here on the GPU (nothing fetched), on its own materials only.
 */
export function EnvironmentModel({ model }: { model: Group }) {
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    const pmrem = new PMREMGenerator(gl);
    const scene = new RoomEnvironment();
    const target = pmrem.fromScene(scene, 0.04);
    scene.dispose();
    pmrem.dispose();
    const lit: MeshStandardMaterial[] = [];
    model.traverse((o) => {
      if (!(o instanceof Mesh)) return;
      for (const m of Array.isArray(o.material) ? o.material : [o.material]) {
        if (m instanceof MeshStandardMaterial && !m.envMap) {
          m.envMap = target.texture;
          m.envMapIntensity = ENV_INTENSITY;
          m.needsUpdate = true;
          lit.push(m);
        }
      }
    });
    return () => {
      for (const m of lit) {
        m.envMap = null;
        m.needsUpdate = true;
      }
      target.dispose();
    };
  }, [gl, model]);
  return <primitive object={model} />;
}
