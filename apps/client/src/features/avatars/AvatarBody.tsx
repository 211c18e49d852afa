import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from "react";
import { Color, type Group, type Sprite } from "three";
import { nameTagTexture } from "./name-tag.js";

export interface AvatarBodyParts {
  root: Group;
  head: Group;
  torso: Group;
  left: Group;
  right: Group;
  tag: Sprite;
}

interface Props {
  name: string;
  colour: string;
  reconnecting: boolean;
}

const TAG_HEIGHT = 0.2; // metres

/** The look of a person: visored head, torso, two hands and a name tag. Placed by its owner each frame. */
export const AvatarBody = forwardRef<AvatarBodyParts, Props>(function AvatarBody({ name, colour, reconnecting }, ref) {
  const root = useRef<Group>(null);
  const head = useRef<Group>(null);
  const torso = useRef<Group>(null);
  const left = useRef<Group>(null);
  const right = useRef<Group>(null);
  const tag = useRef<Sprite>(null);
  useImperativeHandle(ref, () => ({ root: root.current!, head: head.current!, torso: torso.current!, left: left.current!, right: right.current!, tag: tag.current! }), []);

  const body = useMemo(() => `#${new Color(colour).multiplyScalar(0.78).getHexString()}`, [colour]);
  const nameTag = useMemo(() => nameTagTexture(name, colour, reconnecting), [name, colour, reconnecting]);
  useEffect(() => () => nameTag.texture.dispose(), [nameTag]); // a new tag replaces it on every reconnect toggle
  const opacity = reconnecting ? 0.45 : 1;
  const faded = reconnecting; // only a reconnecting avatar needs the (sorted, costlier) transparent pass

  const hand = (
    <mesh castShadow scale={[0.8, 0.55, 1.1]}>
      <sphereGeometry args={[0.055, 10, 8]} />
      <meshStandardMaterial color={colour} roughness={0.5} transparent={faded} opacity={opacity} />
    </mesh>
  );

  return (
    <group ref={root} visible={false}>
      <group ref={head}>
        <mesh castShadow>
          <sphereGeometry args={[0.13, 20, 14]} />
          <meshStandardMaterial color={colour} roughness={0.45} transparent={faded} opacity={opacity} />
        </mesh>
        {/* visor: a dark band on the face (−z is forward) so facing is obvious */}
        <mesh position={[0, 0.015, -0.085]} scale={[1, 0.42, 0.6]}>
          <sphereGeometry args={[0.12, 16, 10]} />
          <meshStandardMaterial color="#1b2226" roughness={0.15} metalness={0.4} transparent={faded} opacity={opacity} />
        </mesh>
        <mesh position={[-0.04, 0.02, -0.156]}>
          <sphereGeometry args={[0.014, 6, 4]} />
          <meshBasicMaterial color="#9fe7ff" />
        </mesh>
        <mesh position={[0.04, 0.02, -0.156]}>
          <sphereGeometry args={[0.014, 6, 4]} />
          <meshBasicMaterial color="#9fe7ff" />
        </mesh>
      </group>
      <group ref={torso}>
        <mesh castShadow position={[0, 0, 0]}>
          <capsuleGeometry args={[0.17, 0.42, 4, 12]} />
          <meshStandardMaterial color={body} roughness={0.7} transparent={faded} opacity={opacity} />
        </mesh>
      </group>
      <group ref={left}>{hand}</group>
      <group ref={right}>{hand}</group>
      <sprite ref={tag} scale={[TAG_HEIGHT * nameTag.aspect, TAG_HEIGHT, 1]} renderOrder={2}>
        <spriteMaterial map={nameTag.texture} transparent depthWrite={false} />
      </sprite>
    </group>
  );
});
