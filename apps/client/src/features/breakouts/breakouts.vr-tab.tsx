import { Container, Text } from "@react-three/uikit";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { useBreakoutCountdown, useBreakouts, useBreakoutsUi } from "./use-breakouts.js";

const TAB = "breakouts";
/** Minutes a breakout started from VR lasts (the desktop panel chooses freely). */
const VR_START_SECONDS = 10 * 60;

/** Breakouts in VR (facilitators): start the plan or one prepared in the console, visit a group and come back, end early, show the groups' boards after. */
function BreakoutsPanelVr() {
  const t = useT();
  const client = useBreakouts();
  const state = useBreakoutsUi((s) => s.state);
  const countdown = useBreakoutCountdown();
  const gallery = useBreakoutsUi((s) => s.gallery);
  const { page, pages } = useBreakoutsUi((s) => s.galleryPage);
  const running = state?.running ?? null;
  if (state?.where === "group") {
    return (
      <Container flexDirection="column" gap={6}>
        <Text fontSize={UI.fontSize} color={UI.text}>{countdown ? t("breakouts.inGroup", { n: (state.group?.index ?? 0) + 1, main: state.group?.mainTitle ?? "", time: countdown.text }) : ""}</Text>
        <UiButton id="breakouts:back" tab={TAB} label={t("breakouts.back")} onPress={() => client.back()} />
      </Container>
    );
  }
  const planned = state?.plan?.groups.filter((g) => g.length > 0).length ?? 0;
  const prepared = state?.prepared ?? [];
  const skipped = state?.skipped ?? [];
  return (
    <Container flexDirection="column" gap={6}>
      {running && countdown ? (
        <>
          <Text fontSize={UI.fontSize} color={UI.text}>{t("breakouts.running", { time: countdown.text })}</Text>
          <Container flexDirection="row" flexWrap="wrap" gap={6}>
            {running.groups.map((_, i) => (
              <UiButton key={i} id={`breakouts:visit:${i}`} tab={TAB} label={t("breakouts.visitLabel", { n: i + 1 })} fontSize={13} onPress={() => client.visit(i)} />
            ))}
          </Container>
          <UiButton id="breakouts:end" tab={TAB} label={t("breakouts.endNow")} danger onPress={() => client.end()} />
        </>
      ) : (
        <>
          <Text fontSize={UI.small} color={UI.muted}>{planned > 0 ? `${t("breakouts.groups")}: ${planned}` : t("breakouts.noPlan")}</Text>
          <UiButton id="breakouts:split" tab={TAB} label={t("breakouts.random")} onPress={() => client.plan({ groups: Math.max(2, planned), how: "random", list: [] })} />
          <UiButton id="breakouts:start" tab={TAB} label={t("breakouts.start")} disabled={planned === 0} onPress={() => client.start(VR_START_SECONDS)} />
          {prepared.map((p) => (
            <UiButton key={p.id} id={`breakouts:plan:${p.id}`} tab={TAB} label={t("breakoutplans.startPlan", { name: p.name })} fontSize={13} onPress={() => client.startPlan(p.id)} />
          ))}
          {skipped.length > 0 && <Text fontSize={UI.small} color={UI.muted}>{t("breakoutplans.skipped", { names: skipped.join(", ") })}</Text>}
          {(state?.lastGroups ?? 0) > 0 && (
            <Container flexDirection="row" flexWrap="wrap" gap={6}>
              <UiButton id="breakouts:gallery" tab={TAB} label={t("breakoutplans.gallery.showAll")} fontSize={13} onPress={() => client.gallery({ what: "all", page: 0 })} />
              <UiButton id="breakouts:gallery-off" tab={TAB} label={t("breakoutplans.gallery.hide")} fontSize={13} disabled={gallery.length === 0} onPress={() => client.gallery({ what: "none" })} />
              {pages > 1 && gallery.length > 0 && (
                <>
                  <UiButton id="breakouts:gallery-previous" tab={TAB} label={t("breakoutplans.gallery.previous")} fontSize={13} disabled={page === 0} onPress={() => client.gallery({ what: "all", page: page - 1 })} />
                  <Text fontSize={UI.small} color={UI.muted}>{t("breakoutplans.gallery.page", { page: page + 1, pages })}</Text>
                  <UiButton id="breakouts:gallery-next" tab={TAB} label={t("breakoutplans.gallery.next")} fontSize={13} disabled={page >= pages - 1} onPress={() => client.gallery({ what: "all", page: page + 1 })} />
                </>
              )}
            </Container>
          )}
        </>
      )}
    </Container>
  );
}

const breakoutsTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.groups", order: 13, Panel: BreakoutsPanelVr, visible: ({ moderator }) => moderator };
export default breakoutsTab;
