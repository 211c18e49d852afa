import { AvatarMessage } from "@otc/contract";
import { calibratedEyeHeight, heightOffset, NOMINAL_EYE_HEIGHT } from "@otc/avatars";
import { useFrame } from "@react-three/fiber";
import { useXR } from "@react-three/xr";
import { useRef } from "react";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";

const B = 5; // xr-standard gamepad: 4 = A/X, 5 = B/Y
const A_OR_X = 4;
const STANDING_MIN = 1.35; // metres: eyes this high mean the person is standing (calibrates their height)

/**
 * Avatar controls on the controllers: right B raises/lowers the hand, left X sends 👍 (left Y is the
 * microphone, voice/VrMuteButton). Standing or seated is chosen in the hand menu (the session store's
 * `seated`): standing eye height calibrates itself from the highest head seen while standing; seated
 * mode lifts the tracked space by the difference, so others see a standing height. *Recalibrate
 * height* (Me tab) takes the current head height instead: standing, as the eye height; seated, as the
 * seated height the lift starts from.
 */
export function AvatarVrControls() {
  const { room, selfId, rig, store } = useSession();
  const session = useXR((s) => s.session);
  const was = useRef(new Map<string, boolean>());
  const posture = useRef<{ seated: boolean; standingEye: number; maxStanding: number }>({ seated: false, standingEye: NOMINAL_EYE_HEIGHT, maxStanding: 0 });

  useFrame(() => {
    if (!session) {
      rig.heightOffset = 0;
      return;
    }
    const p = posture.current;
    const rawEye = rig.head.p[1] - rig.heightOffset - rig.floorY; // eye above the floor stood on, stage or not
    if (!p.seated && rawEye > p.maxStanding) {
      p.maxStanding = rawEye;
      if (rawEye >= STANDING_MIN) p.standingEye = calibratedEyeHeight(rawEye);
    }
    const pressed = (hand: "left" | "right", button: number) => {
      const source = Array.from(session.inputSources).find((s) => s.handedness === hand && s.gamepad);
      const down = (source?.gamepad?.buttons[button]?.value ?? 0) > 0.5;
      const key = `${hand}${button}`;
      const edge = down && !was.current.get(key);
      was.current.set(key, down);
      return edge;
    };
    if (pressed("right", B)) room.send(AvatarMessage.handRaise, { raised: !(room.state.participants.get(selfId)?.handRaised ?? false) });
    if (pressed("left", A_OR_X)) room.send(AvatarMessage.reaction, { reaction: "thumbs-up" });
    const seated = store.getState().seated; // a discrete choice made in the menu; read, not subscribed, in the frame loop
    const recalibrate = rig.recalibrateHeight;
    if (recalibrate) {
      // Standing: this head height is the person's eye height. Seated: lift from this seated height.
      rig.recalibrateHeight = false;
      if (!p.seated) {
        p.standingEye = calibratedEyeHeight(rawEye);
        p.maxStanding = rawEye;
      }
    }
    if (seated !== p.seated || recalibrate) {
      p.seated = seated;
      rig.heightOffset = heightOffset(p.seated ? "seated" : "standing", p.standingEye, rawEye);
    }
  }, FrameOrder.input);

  return null;
}
