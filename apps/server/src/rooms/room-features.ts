import { attendanceFeature } from "../features/attendance/attendance-room-feature.js";
import { avatarsFeature } from "../features/avatars/avatars-room-feature.js";
import { breakoutsFeature } from "../features/breakouts/breakouts-room-feature.js";
import { chatFeature } from "../features/chat/chat-room-feature.js";
import { gatherFeature } from "../features/gather/gather-room-feature.js";
import { onboardingFeature } from "../features/onboarding/onboarding-room-feature.js";
import { moderationFeature } from "../features/moderation/moderation-room-feature.js";
import { participantsFeature } from "../features/participants/participants-room-feature.js";
import { portalsFeature } from "../features/portals/portals-room-feature.js";
import { pollsFeature } from "../features/polls/polls-room-feature.js";
import { recordFeature } from "../features/record/record-room-feature.js";
import { presenceFeature } from "../features/presence/presence-room-feature.js";
import { rolesFeature } from "../features/roles/roles-room-feature.js";
import { sessionFeature } from "../features/sessions/session-room-feature.js";
import { slidesFeature } from "../features/slides/slides-room-feature.js";
import { timerFeature } from "../features/timer/timer-room-feature.js";
import { voiceFeature } from "../features/voice/voice-room-feature.js";
import { whiteboardFeature } from "../features/whiteboard/whiteboard-room-feature.js";
import type { FeatureFactory } from "./room-feature.js";

/**
 * Every capability of a training room, in the order they are made and their hooks run (a joiner's
 * presence keyframe before voice hears of them, attendance before anything can fail). Adding a
 * capability adds a folder under features/ and one line here.
 */
export const ROOM_FEATURES: readonly FeatureFactory[] = [
  sessionFeature,
  participantsFeature,
  attendanceFeature,
  presenceFeature,
  avatarsFeature,
  voiceFeature,
  whiteboardFeature,
  slidesFeature,
  portalsFeature,
  rolesFeature,
  moderationFeature,
  chatFeature,
  pollsFeature,
  timerFeature,
  breakoutsFeature,
  gatherFeature,
  onboardingFeature,
  recordFeature,
];
