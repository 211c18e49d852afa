import { useShallow } from "zustand/react/shallow";
import { useSession, useSessionUi } from "../../session-context.js";
import { RemoteAvatar } from "./RemoteAvatar.js";

/** Everyone in the session except the local person. Leaving the room removes the avatar. */
export function RemoteAvatars() {
  const { selfId } = useSession();
  const others = useSessionUi(useShallow((s) => s.participants.filter((p) => p.id !== selfId)));
  return (
    <>
      {others.map((p) => (
        <RemoteAvatar key={p.id} participant={p} />
      ))}
    </>
  );
}
