import type { RoomLayout } from "@otc/contract";
import type { Group, Vector3 } from "three";
import { BrandBanner } from "./BrandBanner.js";
import { EnvironmentModel } from "./EnvironmentModel.js";
import { Furniture } from "./Furniture.js";
import { Lighting } from "./Lighting.js";
import { RoomFixtures } from "./RoomFixtures.js";
import { RoomShell } from "./RoomShell.js";

interface Props {
  layout: RoomLayout;
  /** The imported model of the room, if it has one (already loaded). */
  environment: Group | null;
  onFloorClick(point: Vector3): void;
}

/** The whole training room built from a layout: light, shell (or the imported model), fixtures and furniture. */
export function RoomScene({ layout, environment, onFloorClick }: Props) {
  return (
    <>
      <color attach="background" args={["#dfe7ea"]} />
      <Lighting layout={layout} />
      <RoomShell layout={layout} onFloorClick={onFloorClick} />
      {environment && <EnvironmentModel model={environment} />}
      <RoomFixtures layout={layout} />
      <Furniture layout={layout} />
      <BrandBanner layout={layout} />
    </>
  );
}
