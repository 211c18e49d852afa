import type { Group } from "three";

/** The imported model that is the room's architecture, already placed by its offset (see load-environment.ts). */
export function EnvironmentModel({ model }: { model: Group }) {
  return <primitive object={model} />;
}
