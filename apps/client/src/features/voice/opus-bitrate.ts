/** Voice bitrate in low-bandwidth mode, bit/s: Opus speech stays intelligible from 12 kbit/s (wideband from ~16). */
export const LOW_BANDWIDTH_VOICE_BPS = 16_000;

/**
 * Asks the other end to send us Opus at most `bps` (RFC 7587 `maxaveragebitrate`, a receiver's
 * preference carried in our own description's fmtp line). Every Opus payload type is capped; the
 * rest of the description is left as it is.
 */
export function withOpusMaxBitrate(sdp: string, bps: number): string {
  const eol = sdp.includes("\r\n") ? "\r\n" : "\n";
  const lines = sdp.split(eol);
  const opus = new Set<string>();
  for (const line of lines) {
    const m = /^a=rtpmap:(\d+) opus\/48000/i.exec(line);
    if (m) opus.add(m[1]!);
  }
  const withFmtp = new Set<string>();
  const out = lines.map((line) => {
    const m = /^a=fmtp:(\d+) (.*)$/.exec(line);
    if (!m || !opus.has(m[1]!)) return line;
    withFmtp.add(m[1]!);
    const params = m[2]!.split(";").filter((p) => p.trim() !== "" && !/^\s*maxaveragebitrate=/i.test(p));
    return `a=fmtp:${m[1]} ${[...params, `maxaveragebitrate=${Math.round(bps)}`].join(";")}`;
  });
  // an Opus payload without an fmtp line gets one right after its rtpmap
  return out
    .flatMap((line) => {
      const m = /^a=rtpmap:(\d+) opus\/48000/i.exec(line);
      return m && !withFmtp.has(m[1]!) ? [line, `a=fmtp:${m[1]} maxaveragebitrate=${Math.round(bps)}`] : [line];
    })
    .join(eol);
}

/** Caps what one sender sends (our own microphone), bit/s; a browser that refuses keeps its default. */
export async function capSenderBitrate(sender: RTCRtpSender, bps: number): Promise<void> {
  const params = sender.getParameters();
  if (!params.encodings?.length) params.encodings = [{}];
  for (const e of params.encodings) e.maxBitrate = bps;
  await sender.setParameters(params).catch(() => undefined);
}
