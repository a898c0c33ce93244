import { soulText } from "./test/secrets/corpus/soul-text.js";
import { CONTENT_RULES } from "./src/secrets/rules/index.js";
const text = soulText(8 * 1024 * 1024);
const anchors = [...new Set(CONTENT_RULES.flatMap((r) => [...(r.anchors ?? []), ...(r.keywords ?? [])]))];
const fold3 = (s: string) => [...s.slice(0, 3)].reduce((h, ch) => ((h << 5) | (ch.charCodeAt(0) & 31)) & 0x7fff, 0);
const byHash = new Map<number, string[]>(); for (const a of anchors) byHash.set(fold3(a), [...(byHash.get(fold3(a)) ?? []), a]);
const counts = new Map<number, number>(); let h = 0;
for (let i = 0; i < text.length; i++) { h = ((h << 5) | (text.charCodeAt(i) & 31)) & 0x7fff; if (i >= 2 && byHash.has(h)) counts.set(h, (counts.get(h) ?? 0) + 1); }
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, n]) => `${byHash.get(k)!.slice(0, 3).join("/")}: ${n}`).join("\n"));
