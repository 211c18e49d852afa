/**
 * The microphone: one getUserMedia per page, kept for the whole session (entering/leaving VR and
 * reconnecting never ask again). Echo cancellation, noise suppression and automatic gain are on:
 * Hubs' most common voice complaints were echo and "too quiet".
 */
export function openMicrophone(deviceId: string): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: {
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
      channelCount: 1,
    },
    video: false,
  });
}

export async function microphones(): Promise<MediaDeviceInfo[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.filter((d) => d.kind === "audioinput");
}

/** RMS of an analyser's current window (0..1 for full-scale audio). */
export function rmsOf(analyser: AnalyserNode, scratch: Float32Array<ArrayBuffer>): number {
  analyser.getFloatTimeDomainData(scratch);
  let sum = 0;
  for (let i = 0; i < scratch.length; i++) sum += scratch[i]! * scratch[i]!;
  return Math.sqrt(sum / scratch.length);
}

/** RMS above which someone counts as talking (speech at a normal distance from a headset mic is ~0.02–0.2). */
export const SPEAKING_RMS = 0.01;
