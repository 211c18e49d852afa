export { AUTONYMS, CATALOGUES, UI_LANGUAGES, flatten, isLoaded, loadAllLanguages, loadLanguage, placeholders, type Catalogue, type MessageKey } from "./catalogues.js";
export { createTranslator, loadTranslator, type Params, type Translate } from "./translator.js";
export { browserLanguage, chooseLanguage } from "./choose-language.js";
export { noticeKey } from "./notice-key.js";
