import type { MessageKey } from "@otc/i18n";
import type { ComponentType } from "react";

/** What a tab may depend on to decide whether it shows (a facilitator sees the Room tab). */
export interface MenuTabContext {
  moderator: boolean;
}

/**
 * One tab of the VR hand menu. A capability adds a tab by exporting one as the default of a
 * `<name>.vr-tab.tsx` file in its own folder (`features/<capability>/`); the menu finds it, so no
 * other file changes. `Panel` renders the tab's content with the in-world kit (features/xr-ui).
 */
export interface MenuTab {
  id: string;
  /** The tab's name in the catalogues, worded in the page's language. */
  labelKey: MessageKey;
  /** Position in the tab bar, lowest first. */
  order: number;
  Panel: ComponentType;
  visible?(who: MenuTabContext): boolean;
}
