import { useXR } from "@react-three/xr";
import { ComfortVignette } from "../comfort/ComfortVignette.js";
import { VrNotices } from "../connection/VrNotices.js";
import { HandMenu } from "../hand-menu/HandMenu.js";
import { SurveyAtEndVr } from "../survey/SurveyAtEndVr.js";

/**
 * The in-world UI, one lazy chunk (@react-three/uikit, its layout engine, the tabs): loaded when a
 * person enters VR (or the page starts with an emulated headset), never on a desktop's first load.
 * Draws nothing outside an XR session.
 */
export default function XrUi() {
  const session = useXR((s) => s.session);
  if (!session) return null;
  return (
    <>
      <HandMenu />
      <SurveyAtEndVr />
      <VrNotices />
      <ComfortVignette />
    </>
  );
}
