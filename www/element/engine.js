// Loading the engine and the words, once for every widget on the page. The
// engine and the Japanese words come with the JS API module (myna-hoken.js
// hands it over: the element uses the same module a page imports); another
// language is fetched only when a widget shows it. If it cannot be fetched,
// the widget stays in Japanese.

/** The JS API module (myna-hoken-api.js). */
export let API;

/** Called once by myna-hoken.js with the API module. */
export function use(api) {
  API = api;
}

let started;

/** Starts the engine (rejects when WebAssembly cannot run). */
export const start = () => (started ??= API.default());

/** Loads a language's words; resolves to whether they are here. */
export const language = (lang) => (lang === 'ja' ? Promise.resolve(true)
  : API.loadLanguage(lang).then(() => true, () => false));

/** The language a widget shows: the one asked for if its words are here, else Japanese. */
export const shown = (lang) => (API.hasLanguage(lang) ? lang : 'ja');
