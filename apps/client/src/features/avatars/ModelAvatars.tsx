import { useSession } from "../../session-context.js";
import { useEffect, useState } from "react";
import { VrmAvatar } from "./VrmAvatar.js";

/**
 * Uploaded models of remote participants (each loads lazily; the default avatar shows meanwhile).
 * In low-bandwidth mode none is downloaded: everyone keeps the default avatar.
 */
export function ModelAvatars() {
  const { room, selfId, request } = useSession();
  const low = request.bandwidth === "low";
  const [models, setModels] = useState<Array<{ id: string; url: string }>>([]);
  useEffect(() => {
    const sync = () => {
      const next: Array<{ id: string; url: string }> = [];
      room.state.participants.forEach((p, id) => {
        if (id !== selfId && p.avatarUrl && !low) next.push({ id, url: p.avatarUrl });
      });
      setModels((prev) => (prev.length === next.length && prev.every((m, i) => m.id === next[i]!.id && m.url === next[i]!.url) ? prev : next));
    };
    sync();
    room.onStateChange(sync);
    return () => room.onStateChange.remove(sync);
  }, [room, selfId, low]);
  return (
    <>
      {models.map((m) => (
        <VrmAvatar key={`${m.id}:${m.url}`} id={m.id} url={m.url} />
      ))}
    </>
  );
}
