import { soulText } from "./test/secrets/corpus/soul-text.js";
import { CONTENT_RULES } from "./src/secrets/rules/index.js";
const text = soulText(8 * 1024 * 1024);
let anchors = [...new Set(CONTENT_RULES.flatMap(r => r.anchors ?? []))].filter(a => !/^(aws|AWS|Aws|xox|shp)$/.test(a));
anchors.push("xoxa-","xoxo-","xoxr-","xoxs-","xoxe-","shpat_","shpca_","shppa_","shpss_");
anchors.sort((a, b) => b.length - a.length);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
const split = (a: string) => { const k = a.search(/[^a-z]/); return [a.slice(0, k), a.slice(k)]; };
const alts = anchors.map(a => { const [p, r] = split(a); return p ? `(?<=${esc(p)})${esc(r!)}` : esc(r!); });
const rb = new RegExp(alts.join("|"), "g");
const flat = new RegExp(anchors.map(esc).join("|"), "g");
const cpu = (f: () => number) => { const c = process.cpuUsage(); const n = f(); const d = process.cpuUsage(c); return `${((d.user + d.system) / 1000).toFixed(1)}ms n=${n}`; };
const count = (re: RegExp) => () => { let n = 0; re.lastIndex = 0; for (let m = re.exec(text); m; m = re.exec(text)) { n++; re.lastIndex = m.index + 1; } return n; };
for (let k = 0; k < 3; k++) console.log("flat", cpu(count(flat)), "rare", cpu(count(rb)));
// group by rest's first char
const byFirst = new Map<string, string[]>(); for (const a of anchors) { const [p, r] = split(a); const c = r![0]!; byFirst.set(c, [...(byFirst.get(c) ?? []), p ? `(?<=${esc(p)})${esc(r!)}` : esc(r!)]); }
console.log([...byFirst.keys()].join(""));
const grouped = new RegExp([...byFirst].map(([c, l]) => `(?=${esc(c)})(?:${l.join("|")})`).join("|"), "g");
for (let k = 0; k < 3; k++) console.log("grouped", cpu(count(grouped)));
const kw = /token|secret|pass|pwd|key|auth|credential|bearer/g; const lower = text.toLowerCase();
for (let k = 0; k < 3; k++) console.log("kw", cpu(() => { let n = 0; kw.lastIndex = 0; while (kw.test(lower)) n++; return n; }));
const kw2 = /(?<=t)oken|(?<=s)ecret|(?<=p)ass|(?<=p)wd|(?<=k)ey|(?<=a)uth|(?<=c)redential|(?<=b)earer/g;
for (let k = 0; k < 3; k++) console.log("kw2", cpu(() => { let n = 0; kw2.lastIndex = 0; while (kw2.test(lower)) n++; return n; }));
