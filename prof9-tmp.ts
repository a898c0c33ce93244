import { soulText } from "./test/secrets/corpus/soul-text.js";
import { CONTENT_RULES } from "./src/secrets/rules/index.js";
const text = soulText(8 * 1024 * 1024);
const anchors = [...new Set(CONTENT_RULES.flatMap(r => r.anchors ?? []))].sort((a, b) => b.length - a.length);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
function trie(words: string[]): string {
  const groups = new Map<string, string[]>();
  let end = false;
  for (const w of words) { if (w === "") { end = true; continue; } const c = w[0]!; groups.set(c, [...(groups.get(c) ?? []), w.slice(1)]); }
  const alts = [...groups].map(([c, rest]) => esc(c) + trie(rest));
  if (alts.length === 0) return "";
  const body = alts.length === 1 && !end ? alts[0]! : `(?:${alts.join("|")})${end ? "?" : ""}`;
  return body;
}
const flat = new RegExp(anchors.map(esc).join("|"), "g");
const tr = new RegExp(trie(anchors), "g");
console.log(tr.source.slice(0, 300));
const cpu = (f: () => number) => { const c = process.cpuUsage(); const n = f(); const d = process.cpuUsage(c); return `${((d.user + d.system) / 1000).toFixed(1)}ms n=${n}`; };
const count = (re: RegExp) => () => { let n = 0; re.lastIndex = 0; for (let m = re.exec(text); m; m = re.exec(text)) { n++; re.lastIndex = m.index + 1; } return n; };
for (let k = 0; k < 3; k++) console.log("flat", cpu(count(flat)), "trie", cpu(count(tr)));
const lower = /[a-z]/; 
// first-char class prefilter: lookahead of first chars
const firsts = [...new Set(anchors.map(a => a[0]))].join("").replace(/[-\]\\^]/g, "\\$&");
const pre = new RegExp(`(?=[${firsts}])(?:${trie(anchors)})`, "g");
for (let k = 0; k < 3; k++) console.log("pre", cpu(count(pre)));
console.log(firsts);
