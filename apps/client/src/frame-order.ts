/**
 * The one place that names the order of per-frame work (R3F `useFrame` priorities, lowest first).
 *
 * receive → interpolate → input/interaction → local avatar → send. All values are ≤ 0: in
 * @react-three/fiber 9 any subscriber with a priority above 0 takes over rendering, and the
 * library hooks (@react-three/xr, drei) run at 0, after ours.
 */
export const FrameOrder = {
  /** Apply queued presence frames to the decoder and the interpolation buffers. */
  receive: -50,
  /** Sample every remote avatar's buffered pose for this frame. */
  interpolate: -40,
  /** VR rays on whiteboards: which hand rests on a board (from the library pointer events of the last frame) is published before teleport sees its trigger; a release never delivered ends the stroke. */
  boardInput: -35,
  /** Keyboard, mouse, click-to-walk, VR snap turn and teleport. */
  input: -30,
  /** Place the local rig (desktop camera or XR origin) and resolve the head pose. */
  localAvatar: -20,
  /** After a door in VR: place the just-resolved head at the arrival point, before anything reads or sends it. */
  arrive: -18,
  /** In-world panels (hand menu, VR notices) follow the resolved wrist and head; the menu gestures are read here. */
  worldUi: -15,
  /** Send the local pose at PRESENCE_HZ when it changed; count the frame for test hooks. Doors check the resolved head here too. */
  send: -10,
} as const;
