import type { RoomLayout } from "@otc/contract";
import type { Vector3 } from "three";
import { BrandBanner } from "./BrandBanner.js";
import { Furniture } from "./Furniture.js";
import { Lighting } from "./Lighting.js";
import { RoomFixtures } from "./RoomFixtures.js";
import { RoomShell } from "./RoomShell.js";

interface Props {
  layout: RoomLayout;
  onFloorClick(point: Vector3): void;
}

/** The whole training room built from a layout: light, shell, fixtures and furniture. */
export function RoomScene({ layout, onFloorClick }: Props) {
  return (
    <>
      <color attach="background" args={["#dfe7ea"]} />
      <Lighting layout={layout} />
      <RoomShell layout={layout} onFloorClick={onFloorClick} />
      <RoomFixtures layout={layout} />
      <Furniture layout={layout} />
      <BrandBanner layout={layout} />
    </>
  );
}
