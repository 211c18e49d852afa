// Unit tests word messages in every language synchronously (createTranslator("fr")): the page fetches
// a language's catalogue when it is chosen, the tests have them all from the start.
import { loadAllLanguages } from "./catalogues.js";

await loadAllLanguages();
