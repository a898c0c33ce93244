// Reads ASSISTANT_LOCALE from an agent's .env text (pure). Only this one key is read; nothing is
// expanded or executed, and a malformed file simply yields no locale.

/** The value of `ASSISTANT_LOCALE=` (optionally quoted), or undefined. */
export function localeFromEnvText(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?ASSISTANT_LOCALE\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const value = m[1]!.replace(/^(['"])(.*)\1$/, "$2").trim();
    return /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(value) ? value : undefined;
  }
  return undefined;
}
