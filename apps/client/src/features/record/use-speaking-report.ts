import { RecordMessage, SPEAKING_REPORT_S } from "@otc/contract";
import { useEffect } from "react";
import type { TrainingRoom } from "../connection/join-room.js";
import type { VoiceEngine } from "../voice/voice-engine.js";
import { SpeakingMeter } from "./speaking-meter.js";

/**
 * In mesh voice the server hears nobody, so each page reports its own speaking seconds for the
 * training record every SPEAKING_REPORT_S and when it leaves (the SFU's talking events are counted
 * on the server instead). Muted time never counts.
 */
export function useSpeakingReport(voice: VoiceEngine, room: TrainingRoom): void {
  useEffect(() => {
    const meter = new SpeakingMeter();
    const unsubscribe = voice.levels.subscribe((id, cue) => {
      if (id === voice.selfId) meter.sample(cue.speaking && !cue.muted, performance.now());
    });
    const report = () => {
      const seconds = meter.take();
      if (seconds > 0 && room.state.voiceTransport !== "sfu" && room.connection.isOpen) room.send(RecordMessage.speaking, { seconds: Math.min(seconds, SPEAKING_REPORT_S * 2) });
    };
    const timer = window.setInterval(report, SPEAKING_REPORT_S * 1000);
    return () => {
      window.clearInterval(timer);
      unsubscribe();
      report();
    };
  }, [voice, room]);
}
