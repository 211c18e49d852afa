import type { SurveyAnswers, SurveyForParticipant } from "@otc/contract";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useSession } from "../../session-context.js";
import type { Wording } from "../i18n/wording.js";
import type { KeyboardKey } from "../xr-ui/keyboard-keys.js";
import { loadSurvey, sendSurvey, type SurveyAuth } from "./survey-api.js";
import { typeAnswer } from "./survey-typing.js";

export type SurveyPhase = "loading" | "unavailable" | "open" | "sending" | "sent" | "already";

/** The survey as this page answers it (desktop card and VR tab share the hook): questions, answers so far, sending. */
export function useSurvey(enabled: boolean) {
  const { endpoint, request } = useSession();
  const auth: SurveyAuth = useMemo(() => ({ endpoint, sessionId: request.sessionId, link: request.link, personKey: request.personKey }), [endpoint, request]);
  const [form, setForm] = useState<SurveyForParticipant | null>(null);
  const [phase, setPhase] = useState<SurveyPhase>("loading");
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [error, setError] = useState<Wording | string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void loadSurvey(auth).then((f) => {
      if (!live) return;
      setForm(f);
      setPhase(f === null ? "unavailable" : f.answered ? "already" : "open");
    });
    return () => void (live = false);
  }, [auth, enabled]);
  const answer = useCallback((id: string, value: number | string) => setAnswers((a) => ({ ...a, [id]: value })), []);
  /** One in-world keyboard press on a written answer (applied to the latest text, so fast presses are not lost). */
  const type = useCallback((id: string, key: KeyboardKey) => setAnswers((a) => typeAnswer(a, id, key)), []);
  const send = useCallback(async () => {
    setPhase("sending");
    const failed = await sendSurvey(auth, answers);
    setError(failed);
    setPhase(failed ? "open" : "sent");
  }, [auth, answers]);
  return { auth, form, phase, answers, answer, type, send, error };
}
