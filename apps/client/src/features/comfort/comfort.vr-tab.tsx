import { UI_LANGUAGES, type MessageKey } from "@otc/i18n";
import { Container, Text } from "@react-three/uikit";
import { useStore } from "zustand";
import { useSession, useSessionUi } from "../../session-context.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useLanguage } from "../i18n/language-context.js";
import { autonym } from "../i18n/LanguagePicker.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { MENU_DISTANCES, MENU_SCALES, SPEEDS, TURNS, VIGNETTES, type Turn } from "./comfort-settings.js";

const TAB = "comfort";
/** Words of the choices, in the order of MENU_DISTANCES, MENU_SCALES and VIGNETTES. */
const DISTANCE: readonly MessageKey[] = ["vrmenu.comfort.near", "vrmenu.comfort.mid", "vrmenu.comfort.far"];
const SIZE: readonly MessageKey[] = ["vrmenu.comfort.small", "vrmenu.comfort.medium", "vrmenu.comfort.large"];
const STRENGTH: readonly MessageKey[] = ["vrmenu.comfort.off", "vrmenu.comfort.low", "vrmenu.comfort.middle", "vrmenu.comfort.high"];

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Container flexDirection="row" gap={4} alignItems="center">
      <Text fontSize={UI.small} color={UI.muted} width={60} flexShrink={0}>
        {label}
      </Text>
      {children}
    </Container>
  );
}

/**
 * Comfort: teleport or smooth locomotion (speed, vignette strength), snap angle or smooth turn, where
 * and how big the hand menu is, standing/seated, low-bandwidth mode and the language. Writes the comfort store (kept on this device);
 * VR locomotion and the menu read it every frame.
 */
function ComfortPanel() {
  const { comfort, store } = useSession();
  const { t, language, choose } = useLanguage();
  const turnLabel = (turn: Turn) => (turn === "smooth" ? t("vrmenu.comfort.smooth") : `${turn}°`);
  const word = (keys: readonly MessageKey[], i: number, v: number) => (keys[i] ? t(keys[i]) : String(v));
  const c = useStore(comfort);
  const seated = useSessionUi((s) => s.seated);
  const { request, setBandwidth } = useSession();
  const low = request.bandwidth === "low";
  return (
    <Container flexDirection="column" gap={6}>
      <Row label={t("vrmenu.comfort.move")}>
        <UiButton id="comfort:move:teleport" tab={TAB} label={t("vrmenu.comfort.teleport")} selected={c.locomotion === "teleport"} onPress={() => c.set({ locomotion: "teleport" })} />
        <UiButton id="comfort:move:smooth" tab={TAB} label={t("vrmenu.comfort.smooth")} selected={c.locomotion === "smooth"} onPress={() => c.set({ locomotion: "smooth" })} />
      </Row>
      {c.locomotion === "smooth" && (
        <>
          <Row label={t("vrmenu.comfort.speed")}>
            {SPEEDS.map((v) => (
              <UiButton key={v} id={`comfort:speed:${v}`} tab={TAB} label={t("vrmenu.comfort.speedOf", { speed: v })} fontSize={12} selected={c.speed === v} onPress={() => c.set({ speed: v })} />
            ))}
          </Row>
          <Row label={t("vrmenu.comfort.vignette")}>
            {VIGNETTES.map((v, i) => (
              <UiButton key={v} id={`comfort:vignette:${v}`} tab={TAB} label={word(STRENGTH, i, v)} fontSize={12} selected={c.vignette === v} onPress={() => c.set({ vignette: v })} />
            ))}
          </Row>
        </>
      )}
      <Row label={t("vrmenu.comfort.turn")}>
        {TURNS.map((turn) => (
          <UiButton key={turn} id={`comfort:turn:${turn}`} tab={TAB} label={turnLabel(turn)} fontSize={13} selected={c.turn === turn} onPress={() => c.set({ turn })} />
        ))}
      </Row>
      <Row label={t("vrmenu.comfort.menu")}>
        {MENU_DISTANCES.map((v, i) => (
          <UiButton key={v} id={`comfort:menu-distance:${v}`} tab={TAB} label={word(DISTANCE, i, v)} fontSize={13} selected={c.menuDistance === v} onPress={() => c.set({ menuDistance: v })} />
        ))}
      </Row>
      <Row label={t("vrmenu.comfort.size")}>
        {MENU_SCALES.map((v, i) => (
          <UiButton key={v} id={`comfort:menu-size:${v}`} tab={TAB} label={word(SIZE, i, v)} fontSize={13} selected={c.menuScale === v} onPress={() => c.set({ menuScale: v })} />
        ))}
      </Row>
      <Row label={t("vrmenu.comfort.body")}>
        <UiButton id="comfort:standing" tab={TAB} label={t("vrmenu.me.standing")} fontSize={13} selected={!seated} onPress={() => store.getState().setSeated(false)} />
        <UiButton id="comfort:seated" tab={TAB} label={t("vrmenu.me.seated")} fontSize={13} selected={seated} onPress={() => store.getState().setSeated(true)} />
      </Row>
      <Row label={t("bandwidth.inRoom.connection")}>
        <UiButton id="comfort:bandwidth:normal" tab={TAB} label={t("bandwidth.inRoom.normal")} fontSize={13} selected={!low} onPress={() => setBandwidth("normal")} />
        <UiButton id="comfort:bandwidth:low" tab={TAB} label={t("bandwidth.inRoom.label")} fontSize={13} selected={low} onPress={() => setBandwidth("low")} />
      </Row>
      <Row label={t("language.label")}>
        {UI_LANGUAGES.map((l) => (
          <UiButton key={l} id={`comfort:language:${l}`} tab={TAB} label={autonym(l)} fontSize={12} selected={language === l} onPress={() => choose(l)} />
        ))}
      </Row>
    </Container>
  );
}

const comfortTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.comfort", order: 40, Panel: ComfortPanel };
export default comfortTab;
