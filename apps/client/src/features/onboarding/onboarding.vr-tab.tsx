import { Container, Text } from "@react-three/uikit";
import { useSession } from "../../session-context.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { goToPerson } from "./go-to-person.js";
import { onStepFor, stepNameOf } from "./onboarding-words.js";
import { useProgressRows } from "./OnboardingProgress.js";
import { onboardingOf, useOnboardingUi } from "./use-onboarding.js";

const TAB = "onboarding";
const SHOWN = 6; // rows that fit the panel

/**
 * Onboarding in the hand menu: anyone can run it again; a facilitator also sees everyone's step,
 * time on it and who is stuck, and a press on a person brings them there (as the desktop table).
 */
function OnboardingPanelVr() {
  const session = useSession();
  const client = onboardingOf(session);
  const t = useT();
  const running = useOnboardingUi(client, (s) => s.run !== null);
  const moderator = useOnboardingUi(client, (s) => s.table !== null);
  const rows = useProgressRows(client);
  return (
    <Container flexDirection="column" gap={6}>
      {!running && <UiButton id="onboarding:replay" tab={TAB} label={t("onboarding.replay")} onPress={() => client.replay()} />}
      {moderator && (
        <>
          <Text fontSize={UI.fontSize} color={UI.text}>
            {t("onboarding.progress.title")}
          </Text>
          {rows.length === 0 && (
            <Text fontSize={UI.small} color={UI.muted}>
              {t("onboarding.progress.none")}
            </Text>
          )}
          {rows.slice(0, SHOWN).map((r) => {
            const where = r.done ? t("onboarding.progress.done") : r.step ? `${stepNameOf(t, r.step)} ${r.index + 1}/${r.count} · ${onStepFor(r.onStepMs)}` : "";
            const label = [r.name, where, r.stuck ? t("onboarding.progress.stuck") : null, r.connected ? null : t("onboarding.progress.away")].filter(Boolean).join(" · ");
            return <UiButton key={r.personId} id={`onboarding:person:${r.name}`} tab={TAB} label={label} danger={r.stuck} fontSize={13} disabled={!r.id} onPress={() => r.id && goToPerson(session, r.id)} />;
          })}
        </>
      )}
    </Container>
  );
}

const onboardingTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.onboarding", order: 45, Panel: OnboardingPanelVr };
export default onboardingTab;
