import { useSession } from "../../session-context.js";
import type { PanelAnchor } from "@otc/contract";
import { useFrame, type ThreeEvent } from "@react-three/fiber";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Mesh } from "three";
import { useStore } from "zustand";
import { FrameOrder } from "../../frame-order.js";
import { useT } from "../i18n/language-context.js";
import { word } from "../i18n/wording.js";
import { SYSTEM_FONT, canvasTexture } from "../room/canvas-texture.js";
import { RAY_TARGET_KEY } from "../xr/ray-target.js";
import { PageCache, type PageTexture } from "./page-cache.js";
import type { ScreenView, SlidesClient } from "./slides-client.js";

const DEG = Math.PI / 180;
/** A pointer dot fades out when the presenter stops moving it, ms. */
const POINTER_TTL_MS = 2500;

/** Every slide screen of the room with the page its deck is on (drawn over the idle screen surface). */
export function SlideScreens({ slides }: { slides: SlidesClient }) {
  const screens = useStore(slides.ui, (s) => s.screens);
  return (
    <>
      {slides.layout.screens.map((anchor) => (
        <group key={anchor.id} position={anchor.position} rotation-y={anchor.yawDeg * DEG} name={`slides:${anchor.id}`}>
          {screens[anchor.id] && <ScreenPage anchor={anchor} view={screens[anchor.id]!} slides={slides} />}
        </group>
      ))}
    </>
  );
}

function ScreenPage({ anchor, view, slides }: { anchor: PanelAnchor; view: ScreenView; slides: SlidesClient }) {
  const lowBandwidth = useSession().request.bandwidth === "low";
  const [cache, setCache] = useState<PageCache | null>(null);
  const tr = useT(); // `t` is a timestamp below
  const [page, setPage] = useState<PageTexture | null>(null);
  const canPage = useStore(slides.ui, (s) => s.canPage);
  const laser = useStore(slides.ui, (s) => s.laser);
  const load = useStore(slides.ui, (s) => s.loads[view.deckId]);

  useEffect(() => {
    let live = true;
    let made: PageCache | null = null;
    void slides.deck(view.deckId).then((doc) => {
      if (!live || !doc) return;
      made = new PageCache(doc, anchor, slides.stats, lowBandwidth);
      slides.caches.set(anchor.id, made);
      setCache(made);
    });
    return () => {
      live = false;
      if (made && slides.caches.get(anchor.id) === made) slides.caches.delete(anchor.id);
      made?.dispose();
      setCache(null);
      setPage(null);
    };
  }, [slides, view.deckId, anchor, lowBandwidth]);

  useEffect(() => {
    if (!cache) return;
    let live = true;
    void cache.show(view.page).then((p) => {
      if (!live || !p) return;
      setPage(p);
      const t = performance.now();
      slides.shown.set(anchor.id, { deckId: view.deckId, page: view.page, t, luma: p.luma });
    });
    return () => {
      live = false;
    };
  }, [cache, view.page, view.deckId, anchor.id, slides]);

  // The page fits inside the screen, centred, with its own aspect.
  const [w, h] = page ? (page.aspect >= anchor.width / anchor.height ? [anchor.width, anchor.width / page.aspect] : [anchor.height * page.aspect, anchor.height]) : [anchor.width, anchor.height];
  const status = load?.state === "failed" ? word(tr, load.error) : load?.state === "loading" ? tr("room.deckLoading", { deck: view.deckName, percent: Math.round(load.fraction * 100) }) : !page ? tr("room.pageLoading", { n: view.page }) : null;
  const label = `${view.deckName} · ${view.page} / ${view.pageCount}`;

  const onMove = (e: ThreeEvent<PointerEvent>) => {
    if (!canPage || !e.uv) return;
    slides.point(anchor.id, [e.uv.x, 1 - e.uv.y]);
  };
  return (
    <>
      {/* the mouse and, while the laser is on, the VR controller ray (one pointer path, xr/create-xr-handle.ts) move the laser dot */}
      <mesh position={[0, 0, 0.004]} name={`slide-page:${anchor.id}`} userData={{ [RAY_TARGET_KEY]: canPage && laser }} onPointerMove={onMove} onPointerLeave={() => canPage && slides.point(anchor.id, null)}>
        <planeGeometry args={[w, h]} />
        {/* keyed: a new material per page texture, so the shader is compiled with the map (three does not recompile when a map appears later) */}
        {page ? <meshBasicMaterial key={page.texture.uuid} map={page.texture} toneMapped={false} /> : <meshBasicMaterial key="blank" color="#f4f6f7" toneMapped={false} />}
      </mesh>
      {status && <TextPanel text={status} width={Math.min(anchor.width * 0.8, 2.4)} position={[0, 0, 0.008]} />}
      <PointerDot slides={slides} screenId={anchor.id} size={[w, h]} />
      <TextPanel text={label} width={labelWidth(anchor)} position={[0, labelY(anchor), 0.01]} small />
      {canPage && <PageButtons anchor={anchor} slides={slides} />}
    </>
  );
}

/** The page counter sits above the screen's bezel (the ledge below would hide it), metres. */
const labelWidth = (a: PanelAnchor) => Math.min(a.width * 0.5, 1.6);
const labelY = (a: PanelAnchor) => a.height / 2 + 0.1 + labelWidth(a) / 16;

function TextPanel({ text, width, position, small = false }: { text: string; width: number; position: [number, number, number]; small?: boolean }) {
  const texture = useMemo(
    () =>
      canvasTexture(512, 64, (ctx, cw, ch) => {
        ctx.fillStyle = small ? "rgba(20,28,33,0.85)" : "rgba(255,255,255,0.92)";
        ctx.fillRect(0, 0, cw, ch);
        ctx.fillStyle = small ? "#ffffff" : "#1d2a33";
        ctx.font = `600 30px ${SYSTEM_FONT}`;
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.fillText(text, cw / 2, ch / 2, cw - 20);
      }),
    [text, small],
  );
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    <mesh position={position} raycast={() => null}>
      <planeGeometry args={[width, width / 8]} />
      <meshBasicMaterial map={texture} transparent toneMapped={false} />
    </mesh>
  );
}

/** The presenter's laser dot, from relayed pointer updates (or this presenter's own). */
function PointerDot({ slides, screenId, size }: { slides: SlidesClient; screenId: string; size: [number, number] }) {
  const dot = useRef<Mesh>(null);
  useFrame(() => {
    const m = dot.current;
    if (!m) return;
    const p = slides.pointers.get(screenId);
    m.visible = !!p && performance.now() - p.t < POINTER_TTL_MS;
    if (p) m.position.set((p.at[0] - 0.5) * size[0], (0.5 - p.at[1]) * size[1], 0.012);
  }, FrameOrder.interpolate);
  return (
    <mesh ref={dot} visible={false} raycast={() => null} name={`slide-pointer:${screenId}`}>
      <circleGeometry args={[0.025, 20]} />
      <meshBasicMaterial color="#ff1a1a" toneMapped={false} />
    </mesh>
  );
}

/** Ray-clickable ◀ ▶ under the screen for presenters (VR controllers and the desktop mouse alike). */
function PageButtons({ anchor, slides }: { anchor: PanelAnchor; slides: SlidesClient }) {
  const arrows = useMemo(() => (["◀", "▶"] as const).map((a) => canvasTexture(128, 128, (ctx, w, h) => {
    ctx.fillStyle = "#2b6cb0";
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = "#ffffff";
    ctx.font = `700 80px ${SYSTEM_FONT}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(a, w / 2, h / 2 + 4);
  })), []);
  useEffect(() => () => arrows.forEach((t) => t.dispose()), [arrows]);
  const y = labelY(anchor);
  const x = labelWidth(anchor) / 2 + 0.16;
  const press = (to: "prev" | "next") => (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    slides.page(to, anchor.id);
  };
  return (
    <>
      <mesh position={[-x, y, 0.02]} onPointerDown={press("prev")} name={`slide-prev:${anchor.id}`}>
        <planeGeometry args={[0.2, 0.2]} />
        <meshBasicMaterial map={arrows[0]!} toneMapped={false} />
      </mesh>
      <mesh position={[x, y, 0.02]} onPointerDown={press("next")} name={`slide-next:${anchor.id}`}>
        <planeGeometry args={[0.2, 0.2]} />
        <meshBasicMaterial map={arrows[1]!} toneMapped={false} />
      </mesh>
    </>
  );
}
