// The English catalogue's shape: `MessageKey` is derived from it. Each namespace is its own file in every
// language (locales/<code>/<namespace>.json), so parallel work adds files instead of editing one; a new namespace
// adds its line here, and the catalogue test checks every language has the same keys.
import app from "./en/app.json";
import avatar from "./en/avatar.json";
import board from "./en/board.json";
import brand from "./en/brand.json";
import console from "./en/console.json";
import decks from "./en/decks.json";
import help from "./en/help.json";
import join from "./en/join.json";
import language from "./en/language.json";
import notice from "./en/notice.json";
import people from "./en/people.json";
import record from "./en/record.json";
import role from "./en/role.json";
import slides from "./en/slides.json";
import status from "./en/status.json";
import voice from "./en/voice.json";
import vr from "./en/vr.json";

export default { app, avatar, board, brand, console, decks, help, join, language, notice, people, record, role, slides, status, voice, vr };
