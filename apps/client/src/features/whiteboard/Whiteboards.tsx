import { useCallback, useMemo } from "react";
import type { Mesh } from "three";
import { useSession } from "../../session-context.js";
import { boardsClientFor } from "./boards-client.js";
import { useBoardShortcuts, useDesktopBoardInput } from "./use-desktop-board-input.js";
import { useVrBoardPointer } from "./use-vr-board-pointer.js";
import { Whiteboard } from "./Whiteboard.js";

/** Every whiteboard of the room (one per `boards[]` anchor of the room file), inside the R3F canvas. */
export function Whiteboards() {
  const { room, layout } = useSession();
  const client = useMemo(() => boardsClientFor(room, layout.boards), [room, layout.boards]);
  const meshes = useMemo(() => new Map<string, Mesh>(), []);
  const register = useCallback((id: string, mesh: Mesh | null) => void (mesh ? meshes.set(id, mesh) : meshes.delete(id)), [meshes]);
  useDesktopBoardInput(client, layout.boards, meshes);
  useBoardShortcuts(client);
  const pointer = useVrBoardPointer(client, layout.boards);
  return (
    <group name="whiteboards">
      {layout.boards.map((a) => (
        <Whiteboard key={a.id} anchor={a} client={client} register={register} pointer={pointer(a.id)} />
      ))}
    </group>
  );
}
