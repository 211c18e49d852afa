import { DEVICE_KINDS, ROLES } from "@otc/contract";
import { useEffect, useState } from "react";
import { useSession } from "../../session-context.js";
import { orderPeople, type PersonRow } from "./people-order.js";

/**
 * Everyone in the room as the VR menu lists them, raised hands first, re-rendering only when a
 * shown field changes (the room patches many times a second).
 */
export function useRoomPeople(): PersonRow[] {
  const { room } = useSession();
  const [rows, setRows] = useState<PersonRow[]>([]);
  useEffect(() => {
    let key = "";
    const sync = () => {
      const next: PersonRow[] = [];
      room.state.participants.forEach((p, id) => {
        const role = (ROLES as readonly string[]).includes(p.role) ? (p.role as PersonRow["role"]) : "participant";
        const device = (DEVICE_KINDS as readonly string[]).includes(p.device) ? (p.device as PersonRow["device"]) : "desktop";
        next.push({ id, name: p.name, role, device, connected: p.connected, handRaised: p.handRaised, presenter: p.presenter, slot: p.slot });
      });
      const ordered = orderPeople(next, room.state.moderation ? [...room.state.moderation.hands] : []);
      const nextKey = JSON.stringify(ordered);
      if (nextKey === key) return;
      key = nextKey;
      setRows(ordered);
    };
    sync();
    room.onStateChange(sync);
    return () => room.onStateChange.remove(sync);
  }, [room]);
  return rows;
}
