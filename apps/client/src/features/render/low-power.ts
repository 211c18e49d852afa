/**
 * Low-power rendering, for old laptops in long sessions (and for tests that run many pages on few
 * cores): `?lowpower=1` in the link turns off shadows and antialiasing (multisampling: on a
 * software or weak GPU every pixel is drawn several times), renders at device pixel ratio 1 and caps
 * the desktop view at `LOW_POWER_HZ` frames per second. A headset session is never capped: the XR
 * frame loop drives rendering there.
 */
export const LOW_POWER_HZ = 8;

export function lowPowerWanted(search: string): boolean {
  const v = new URLSearchParams(search).get("lowpower");
  return v !== null && v !== "0" && v !== "false";
}
