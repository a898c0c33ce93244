import { soulText } from "./test/secrets/corpus/soul-text.js";
import { keywordOffsets } from "./src/secrets/rules/keyword.js";
const text = soulText(2 * 1024 * 1024);
const ends = keywordOffsets(text);
const toks = new Map<string, number>();
for (const e of ends) { const w = text.slice(e, e + 80).split("\n")[0]!; for (const m of w.match(/[A-Za-z0-9_\-+/=.~]{20,}/g) ?? []) toks.set(m, (toks.get(m) ?? 0) + 1); }
console.log(ends.length, [...toks].sort((a, b) => b[1] - a[1]).slice(0, 10));
