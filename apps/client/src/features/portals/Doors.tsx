import { ClientMessage, ServerMessage, type PortalOpen, type RoomLayout } from "@otc/contract";
import { doorwayAt } from "@otc/rooms";
import { useFrame, type ThreeEvent } from "@react-three/fiber";
import { useEffect, useMemo, useRef, useState } from "react";
import { FrameOrder } from "../../frame-order.js";
import type { Wording } from "../i18n/wording.js";
import { useSession } from "../../session-context.js";
import { invitationOfPath } from "./door-entry.js";
import { doorSignTexture } from "./door-texture.js";

const DEG = Math.PI / 180;
const W = 1.1; // doorway, metres
const H = 2.2;
/** Seconds a person stands in a doorway before the door opens: walking past along the wall does not. */
const DWELL_S = 0.8;
const FRONT = 0.11; // metres off the wall: in front of the skirting board and the accent band

type Portal = RoomLayout["portals"][number];

/** Said when the server's answer is not an invitation this page can follow. */
const BROKEN_DOOR: Wording = { key: "room.brokenDoor" };

/**
 * The room's doors to other rooms of the training: a framed doorway with the room's name over it.
 * Clicking it, or standing in its doorway for a moment (walking, or teleporting in VR), asks the
 * server where it leads; the answer is an invitation to that room's session, which this page then
 * switches to in place (`switchRoom`: same page, same XR session and microphone).
 */
export function Doors({ layout }: { layout: RoomLayout }) {
  const { room, store, rig, switchRoom } = useSession();
  const accent = layout.brand?.primary ?? layout.palette.accent;
  const dwell = useRef<{ id: string | null; since: number; sent: boolean }>({ id: null, since: 0, sent: false });
  /** When this person last used a door (performance.now()): where the room switch's time starts. */
  const usedAt = useRef(0);
  const use = (portal: string) => {
    usedAt.current = performance.now();
    room.send(ClientMessage.portalUse, { portal });
  };

  useFrame(({ clock }) => {
    const d = dwell.current;
    const door = doorwayAt(layout.portals, rig.head.p[0], rig.head.p[2]);
    if (!door) {
      d.id = null;
      return;
    }
    const now = clock.elapsedTime;
    if (door.id !== d.id) Object.assign(d, { id: door.id, since: now, sent: false });
    else if (!d.sent && now - d.since >= DWELL_S) {
      d.sent = true;
      use(door.id);
    }
  }, FrameOrder.send);

  useEffect(
    () =>
      room.onMessage(ServerMessage.portalOpen, (open: PortalOpen) => {
        const to = invitationOfPath(open.path);
        if (!to) return store.getState().setNotice(BROKEN_DOOR);
        const leadsTo = layout.portals.find((p) => p.id === open.portal)?.to; // its room file is fetched while joining
        void switchRoom({ ...to, title: open.title }, { startedAt: usedAt.current || performance.now(), room: leadsTo });
      }),
    [room, store, switchRoom, layout.portals],
  );

  return (
    <group name="doors">
      {layout.portals.map((p) => (
        <Door key={p.id} portal={p} accent={accent} onUse={() => use(p.id)} />
      ))}
    </group>
  );
}

function Door({ portal, accent, onUse }: { portal: Portal; accent: string; onUse(): void }) {
  const sign = useMemo(() => doorSignTexture(portal.label, accent), [portal.label, accent]);
  useEffect(() => () => sign.dispose(), [sign]);
  const [hover, setHover] = useState(false);
  const click = (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > 6) return; // a look-drag, not a click
    e.stopPropagation();
    onUse();
  };
  return (
    <group position={portal.position} rotation-y={portal.yawDeg * DEG} name={`door-${portal.id}`}>
      <mesh position={[0, H / 2, FRONT]} onClick={click} onPointerOver={() => setHover(true)} onPointerOut={() => setHover(false)}>
        <planeGeometry args={[W, H]} />
        <meshStandardMaterial color={hover ? "#4b5d6b" : "#33414c"} roughness={0.6} emissive={accent} emissiveIntensity={hover ? 0.25 : 0.08} />
      </mesh>
      {[-1, 1].map((side) => (
        <mesh key={side} position={[(side * (W + 0.08)) / 2, H / 2, FRONT + 0.02]} castShadow>
          <boxGeometry args={[0.08, H + 0.04, 0.1]} />
          <meshStandardMaterial color="#e8e4dc" roughness={0.5} />
        </mesh>
      ))}
      <mesh position={[0, H + 0.04, FRONT + 0.02]}>
        <boxGeometry args={[W + 0.16, 0.08, 0.1]} />
        <meshStandardMaterial color="#e8e4dc" roughness={0.5} />
      </mesh>
      <mesh position={[0, H + 0.26, FRONT]}>
        <planeGeometry args={[W, W / 4]} />
        <meshBasicMaterial map={sign} toneMapped={false} />
      </mesh>
    </group>
  );
}
