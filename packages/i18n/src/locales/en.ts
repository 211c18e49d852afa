// The English catalogue's shape: `MessageKey` is derived from it. Each namespace is its own file in every
// language (locales/<code>/<namespace>.json), so parallel work adds files instead of editing one; a new namespace
// adds its line here, and the catalogue test checks every language has the same keys.
import a11y from "./en/a11y.json";
import app from "./en/app.json";
import avatar from "./en/avatar.json";
import bandwidth from "./en/bandwidth.json";
import board from "./en/board.json";
import brand from "./en/brand.json";
import breakouts from "./en/breakouts.json";
import breakoutplans from "./en/breakoutplans.json";
import chat from "./en/chat.json";
import console from "./en/console.json";
import consoleagenda from "./en/consoleagenda.json";
import decks from "./en/decks.json";
import errors from "./en/errors.json";
import facilitation from "./en/facilitation.json";
import gather from "./en/gather.json";
import help from "./en/help.json";
import join from "./en/join.json";
import joinemail from "./en/joinemail.json";
import keyboard from "./en/keyboard.json";
import language from "./en/language.json";
import leave from "./en/leave.json";
import notice from "./en/notice.json";
import onboarding from "./en/onboarding.json";
import people from "./en/people.json";
import polls from "./en/polls.json";
import record from "./en/record.json";
import survey from "./en/survey.json";
import role from "./en/role.json";
import room from "./en/room.json";
import rooms from "./en/rooms.json";
import slides from "./en/slides.json";
import status from "./en/status.json";
import timer from "./en/timer.json";
import touch from "./en/touch.json";
import voice from "./en/voice.json";
import vr from "./en/vr.json";
import vrmenu from "./en/vrmenu.json";

export default {
  a11y,
  app,
  avatar,
  bandwidth,
  board,
  brand,
  breakouts,
  breakoutplans,
  chat,
  console,
  consoleagenda,
  decks,
  errors,
  facilitation,
  gather,
  help,
  join,
  joinemail,
  keyboard,
  language,
  leave,
  notice,
  onboarding,
  people,
  polls,
  record,
  survey,
  role,
  room,
  rooms,
  slides,
  status,
  timer,
  touch,
  voice,
  vr,
  vrmenu,
};
