import type { RoomLayout } from "@otc/contract";
import { seatPlacements } from "@otc/rooms";
import type { MouseEvent } from "react";
import { useT } from "../i18n/language-context.js";

interface Props {
  room: RoomLayout;
  /** Top-down picture of the model over the room's footprint (see plan-image.ts), if rendered. */
  image: string | null;
  /** A click on the plan at floor point (x, z), metres. */
  onPick(x: number, z: number): void;
}

const MARGIN = 0.5; // metres around the room
const DEG = Math.PI / 180;

/** Panel as a line along its width (local x), with a tick showing which way it faces. */
function Panel({ p, yawDeg, width, className }: { p: readonly number[]; yawDeg: number; width: number; className: string }) {
  const c = Math.cos(yawDeg * DEG);
  const s = Math.sin(yawDeg * DEG);
  const [x, z] = [p[0]!, p[2]!];
  return (
    <g className={className}>
      <line x1={x - (c * width) / 2} y1={z + (s * width) / 2} x2={x + (c * width) / 2} y2={z - (s * width) / 2} />
      <line x1={x} y1={z} x2={x + s * 0.4} y2={z + c * 0.4} className="facing" />
    </g>
  );
}

/**
 * Top-down plan of a room (metres; −z at the top): walls, walkable floor, colliders, and the placed
 * spawns, screens, boards, seats and the logo. Clicking reports the floor point; its aspect ratio follows the
 * room so a click maps linearly onto the floor.
 */
export function PlanView({ room, image, onPick }: Props) {
  const t = useT();
  const [w, , d] = room.size;
  const box = { x: -w / 2 - MARGIN, y: -d / 2 - MARGIN, w: w + 2 * MARGIN, h: d + 2 * MARGIN };
  const wk = room.walkable;
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = box.x + ((e.clientX - r.left) / r.width) * box.w;
    const z = box.y + ((e.clientY - r.top) / r.height) * box.h;
    onPick(x, z);
  };
  return (
    <svg
      className="plan"
      viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
      style={{ aspectRatio: `${box.w} / ${box.h}` }}
      onClick={pick}
      role="img"
      aria-label={t("rooms.editor.plan", { name: room.name, width: w, depth: d })}
    >
      <rect className="room" x={-w / 2} y={-d / 2} width={w} height={d} />
      {image && <image href={image} x={-w / 2} y={-d / 2} width={w} height={d} preserveAspectRatio="none" />}
      <rect className={image ? "walkable over-image" : "walkable"} x={wk.minX} y={wk.minZ} width={wk.maxX - wk.minX} height={wk.maxZ - wk.minZ} />
      {room.colliders.map((c, i) => (
        <rect key={i} className="collider" x={c.minX} y={c.minZ} width={c.maxX - c.minX} height={c.maxZ - c.minZ} />
      ))}
      {seatPlacements(room).map((s, i) => (
        <rect key={i} className="seat" x={s.position[0] - 0.22} y={s.position[2] - 0.22} width={0.44} height={0.44} />
      ))}
      {room.screens.map((a) => (
        <Panel key={a.id} p={a.position} yawDeg={a.yawDeg} width={a.width} className="screen" />
      ))}
      {room.boards.map((a) => (
        <Panel key={a.id} p={a.position} yawDeg={a.yawDeg} width={a.width} className="board" />
      ))}
      <rect className="logo" x={-room.logo.size / 2} y={-0.08} width={room.logo.size} height={0.16} transform={`translate(${room.logo.position[0]} ${room.logo.position[2]}) rotate(${-(room.logo.yawDeg ?? 0)})`} />
      {room.spawns.map((s, i) => (
        <g key={i} className="spawn">
          <circle cx={s.position[0]} cy={s.position[2]} r={0.25} />
          <line x1={s.position[0]} y1={s.position[2]} x2={s.position[0] - Math.sin(s.yawDeg * DEG) * 0.5} y2={s.position[2] - Math.cos(s.yawDeg * DEG) * 0.5} />
        </g>
      ))}
    </svg>
  );
}
