export { CATALOGUES, UI_LANGUAGES, flatten, placeholders, type Catalogue, type MessageKey } from "./catalogues.js";
export { createTranslator, type Params, type Translate } from "./translator.js";
export { browserLanguage, chooseLanguage } from "./choose-language.js";
export { noticeKey } from "./notice-key.js";
