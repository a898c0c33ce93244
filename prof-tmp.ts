import { scanFiles } from "./src/secrets/api.js";
import { CONTENT_RULES } from "./src/secrets/rules/index.js";
import { soulText } from "./test/secrets/corpus/soul-text.js";
const text = soulText(8 * 1024 * 1024);
const r = scanFiles([{ path: "x.md", data: new TextEncoder().encode(text) }]);
const byRule = new Map<string, number>(); for (const f of r.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
console.log(byRule);
const lines = text.split("\n"); for (const f of r.findings.slice(0, 5)) console.log(f.rule, lines[f.line - 1]?.slice(0, 200));
for (const rule of CONTENT_RULES) { const s = performance.now(); let n = 0; for (const _ of rule.scan(text)) n++; const ms = performance.now() - s; if (ms > 5) console.log(rule.id, ms.toFixed(1), "ms", n); }
