import type { DeckSummary } from "@otc/contract";
import { Container, Text } from "@react-three/uikit";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import type { SlidesClient } from "./slides-client.js";
import { NextPageThumb } from "./NextPageThumb.js";
import { useSlidesClient } from "./slides-context.js";

const TAB = "slides";
/** Decks offered as buttons (the newest first); the desktop panel lists them all. */
const DECKS_SHOWN = 4;

/**
 * Slides: everyone sees which deck and page each screen shows. Presenters (by role or grant) also get
 * previous/next, the laser dot on/off (their controller ray on the screen is the pointer), and the
 * presenter view (the next page, drawn from the texture the screen prefetched, and its number); people who manage slides choose the deck. The same
 * client messages as the desktop panel: the server refuses as it would there, and the refusal shows
 * as a VR notice.
 */
function SlidesPanel() {
  const slides = useSlidesClient();
  const t = useT();
  if (!slides || slides.layout.screens.length === 0) {
    return (
      <Text fontSize={UI.small} color={UI.muted}>
        {t("vrmenu.slides.none")}
      </Text>
    );
  }
  return <SlidesContent slides={slides} />;
}

function SlidesContent({ slides }: { slides: SlidesClient }) {
  const { canPage, canManage, selected, screens, laser } = useStore(slides.ui);
  const t = useT();
  const [decks, setDecks] = useState<DeckSummary[]>([]);
  useEffect(() => {
    if (!canManage) return;
    let live = true;
    void slides.decks().then((r) => live && r.ok && setDecks(r.value.slice(0, DECKS_SHOWN)));
    return () => {
      live = false;
    };
  }, [slides, canManage]);
  const view = screens[selected];
  const ids = slides.layout.screens.map((s) => s.id);
  const nextScreen = ids[(ids.indexOf(selected) + 1) % ids.length]!;
  return (
    <Container flexDirection="column" gap={8}>
      <Container flexDirection="row" gap={6} alignItems="center">
        <Text fontSize={UI.fontSize} color={UI.text} flexGrow={1} flexShrink={1}>
          {view ? t("vrmenu.slides.showing", { deck: view.deckName, page: view.page, count: view.pageCount }) : t("vrmenu.slides.noDeck")}
        </Text>
        {ids.length > 1 && <UiButton id="slides:next-screen" tab={TAB} label={t("vrmenu.slides.nextScreen")} fontSize={13} width={120} onPress={() => slides.select(nextScreen)} />}
      </Container>
      {ids.length > 1 && (
        <Text fontSize={UI.small} color={UI.muted}>
          {t("vrmenu.slides.screen", { id: selected })}
        </Text>
      )}
      {canPage && (
        <>
          <Container flexDirection="row" gap={6}>
            <UiButton id="slides:prev" tab={TAB} label={t("vrmenu.slides.previous")} disabled={!view} onPress={() => slides.page("prev")} />
            <UiButton id="slides:next" tab={TAB} label={t("vrmenu.slides.next")} disabled={!view} onPress={() => slides.page("next")} />
          </Container>
          <UiButton id="slides:laser" tab={TAB} label={t(laser ? "vrmenu.slides.laserOn" : "vrmenu.slides.laserOff")} selected={laser} onPress={() => slides.setLaser(!laser)} />
          {view && (
            <Container flexDirection="row" gap={8} alignItems="center">
              {view.page < view.pageCount && <NextPageThumb slides={slides} screenId={selected} deckId={view.deckId} page={view.page + 1} />}
              <Text fontSize={UI.small} color={UI.muted} flexShrink={1}>
                {view.page < view.pageCount ? t("vrmenu.slides.nextPage", { page: view.page + 1, count: view.pageCount }) : t("slides.lastPage")}
              </Text>
            </Container>
          )}
        </>
      )}
      {canManage && (
        <Container flexDirection="column" gap={4}>
          <Text fontSize={UI.small} color={UI.muted}>
            {t("vrmenu.slides.decks")}
          </Text>
          <Container flexDirection="row" gap={4} flexWrap="wrap">
            <UiButton id="slides:deck:none" tab={TAB} label={t("vrmenu.slides.noDeckButton")} fontSize={12} selected={!view} onPress={() => slides.assign(null)} />
            {decks.map((d) => (
              <UiButton key={d.id} id={`slides:deck:${d.id}`} tab={TAB} label={d.name.slice(0, 24)} fontSize={12} selected={view?.deckId === d.id} onPress={() => slides.assign(d.id)} />
            ))}
          </Container>
        </Container>
      )}
    </Container>
  );
}

const slidesTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.slides", order: 20, Panel: SlidesPanel };
export default slidesTab;
