/**
 * Asks the other end to send us Opus at most `bps` (RFC 7587 `maxaveragebitrate`, a receiver's
 * preference carried in our own description's fmtp line), and, with `ptimeMs`, in packets of that
 * length (RFC 4566 `a=ptime`, placed after Opus's rtpmap; libwebrtc's Opus encoder takes it as its
 * frame length). Every Opus payload type is capped; the rest of the description is left as it is.
 */
export function withOpusMaxBitrate(sdp: string, bps: number, ptimeMs?: number): string {
  const eol = sdp.includes("\r\n") ? "\r\n" : "\n";
  const lines = sdp.split(eol).filter((line) => ptimeMs === undefined || !/^a=ptime:/i.test(line));
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
  // an Opus payload without an fmtp line gets one right after its rtpmap; the ptime follows the first
  let ptimeAdded = ptimeMs === undefined;
  return out
    .flatMap((line) => {
      const m = /^a=rtpmap:(\d+) opus\/48000/i.exec(line);
      if (!m) return [line];
      const added = [line, ...(withFmtp.has(m[1]!) ? [] : [`a=fmtp:${m[1]} maxaveragebitrate=${Math.round(bps)}`])];
      if (!ptimeAdded) {
        added.push(`a=ptime:${ptimeMs}`);
        ptimeAdded = true;
      }
      return added;
    })
    .join(eol);
}

/** Caps what one sender sends (our own microphone), bit/s; null lifts the cap. A browser that refuses keeps what it had. */
export async function capSenderBitrate(sender: RTCRtpSender, bps: number | null): Promise<void> {
  const params = sender.getParameters();
  if (!params.encodings?.length) params.encodings = [{}];
  for (const e of params.encodings) {
    if (bps === null) delete e.maxBitrate;
    else e.maxBitrate = bps;
  }
  await sender.setParameters(params).catch(() => undefined);
}
