import { useT } from "../i18n/language-context.js";

/** The id of the room's region (the 3D view): the skip link's target. */
export const ROOM_REGION_ID = "room";

/**
 * "Skip to the room": the first stop of the Tab key, shown when focused. It puts the focus on the
 * room's view, where the walking keys act, past every panel.
 */
export function SkipLink() {
  const t = useT();
  return (
    <a
      className="skip-link"
      href={`#${ROOM_REGION_ID}`}
      onClick={(e) => {
        e.preventDefault(); // no #room in the address (Back would mean nothing)
        document.getElementById(ROOM_REGION_ID)?.focus();
      }}
    >
      {t("a11y.skip")}
    </a>
  );
}
