import { Container, Text } from "@react-three/uikit";
import { useStore } from "zustand";
import { useSession, useSessionUi } from "../../session-context.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { MENU_DISTANCES, MENU_SCALES, SPEEDS, TURNS, VIGNETTES, type Turn } from "./comfort-settings.js";

const TAB = "comfort";
/** User-facing words of this tab (plain English until they move to the catalogues). */
const WORDS = {
  tab: "Comfort",
  move: "Move",
  teleport: "Teleport",
  smooth: "Smooth",
  speed: "Speed",
  vignette: "Vignette",
  off: "Off",
  turn: "Turn",
  menu: "Menu",
  size: "Size",
  body: "Body",
  standing: "Standing",
  seated: "Seated",
  distance: ["Near", "Mid", "Far"],
  sizes: ["S", "M", "L"],
  strength: ["Off", "Low", "Mid", "High"],
} as const;

const turnLabel = (t: Turn) => (t === "smooth" ? WORDS.smooth : `${t}°`);

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Container flexDirection="row" gap={4} alignItems="center">
      <Text fontSize={UI.small} color={UI.muted} width={50} flexShrink={0}>
        {label}
      </Text>
      {children}
    </Container>
  );
}

/**
 * Comfort: teleport or smooth locomotion (speed, vignette strength), snap angle or smooth turn, where
 * and how big the hand menu is, and standing/seated. Writes the comfort store (kept on this device);
 * VR locomotion and the menu read it every frame.
 */
function ComfortPanel() {
  const { comfort, store } = useSession();
  const c = useStore(comfort);
  const seated = useSessionUi((s) => s.seated);
  return (
    <Container flexDirection="column" gap={6}>
      <Row label={WORDS.move}>
        <UiButton id="comfort:move:teleport" tab={TAB} label={WORDS.teleport} selected={c.locomotion === "teleport"} onPress={() => c.set({ locomotion: "teleport" })} />
        <UiButton id="comfort:move:smooth" tab={TAB} label={WORDS.smooth} selected={c.locomotion === "smooth"} onPress={() => c.set({ locomotion: "smooth" })} />
      </Row>
      {c.locomotion === "smooth" && (
        <>
          <Row label={WORDS.speed}>
            {SPEEDS.map((v) => (
              <UiButton key={v} id={`comfort:speed:${v}`} tab={TAB} label={`${v} m/s`} fontSize={12} selected={c.speed === v} onPress={() => c.set({ speed: v })} />
            ))}
          </Row>
          <Row label={WORDS.vignette}>
            {VIGNETTES.map((v, i) => (
              <UiButton key={v} id={`comfort:vignette:${v}`} tab={TAB} label={WORDS.strength[i] ?? String(v)} fontSize={12} selected={c.vignette === v} onPress={() => c.set({ vignette: v })} />
            ))}
          </Row>
        </>
      )}
      <Row label={WORDS.turn}>
        {TURNS.map((t) => (
          <UiButton key={t} id={`comfort:turn:${t}`} tab={TAB} label={turnLabel(t)} fontSize={13} selected={c.turn === t} onPress={() => c.set({ turn: t })} />
        ))}
      </Row>
      <Row label={WORDS.menu}>
        {MENU_DISTANCES.map((v, i) => (
          <UiButton key={v} id={`comfort:menu-distance:${v}`} tab={TAB} label={WORDS.distance[i] ?? String(v)} fontSize={13} selected={c.menuDistance === v} onPress={() => c.set({ menuDistance: v })} />
        ))}
      </Row>
      <Row label={WORDS.size}>
        {MENU_SCALES.map((v, i) => (
          <UiButton key={v} id={`comfort:menu-size:${v}`} tab={TAB} label={WORDS.sizes[i] ?? String(v)} fontSize={13} selected={c.menuScale === v} onPress={() => c.set({ menuScale: v })} />
        ))}
      </Row>
      <Row label={WORDS.body}>
        <UiButton id="comfort:standing" tab={TAB} label={WORDS.standing} fontSize={13} selected={!seated} onPress={() => store.getState().setSeated(false)} />
        <UiButton id="comfort:seated" tab={TAB} label={WORDS.seated} fontSize={13} selected={seated} onPress={() => store.getState().setSeated(true)} />
      </Row>
    </Container>
  );
}

const comfortTab: MenuTab = { id: TAB, label: WORDS.tab, order: 40, Panel: ComfortPanel };
export default comfortTab;
