// Picks the full-text search configuration for an agent's ASSISTANT_LOCALE (pure). PostgreSQL
// ships stemmers for some languages only (no Slovenian, for instance): those fall back to
// `simple`, which still matches whole words, lower-cased.

const BY_LANGUAGE: Record<string, string> = {
  ar: "arabic", hy: "armenian", eu: "basque", ca: "catalan", da: "danish", nl: "dutch",
  en: "english", et: "estonian", fi: "finnish", fr: "french", de: "german", el: "greek",
  hi: "hindi", hu: "hungarian", id: "indonesian", ga: "irish", it: "italian", lt: "lithuanian",
  ne: "nepali", nb: "norwegian", nn: "norwegian", no: "norwegian", pt: "portuguese",
  ro: "romanian", ru: "russian", sr: "serbian", es: "spanish", sv: "swedish", ta: "tamil",
  tr: "turkish", yi: "yiddish",
};

/** `de-DE` → `german` when the server has it (`available` is pg_ts_config's names), else `simple`. */
export function textSearchConfigFor(locale: string | undefined, available: readonly string[]): string {
  const language = locale?.trim().split(/[-_.@]/)[0]?.toLowerCase();
  const config = language ? BY_LANGUAGE[language] : undefined;
  return config !== undefined && available.includes(config) ? config : "simple";
}
