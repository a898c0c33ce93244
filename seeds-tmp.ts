import { buildCorpus } from "./test/secrets/corpus/index.js";
import { scanFiles } from "./src/secrets/api.js";
const key = (f: string, l: number, r: string) => `${f}:${l}:${r}`;
let miss = 0, fp = 0, total = 0;
const byRule = new Map<string, number>();
for (let seed = 1; seed <= 200; seed++) {
  const c = buildCorpus(seed);
  const r = scanFiles(c.files);
  const found = new Set(r.findings.map((f) => key(f.file, f.line, f.rule)));
  const exp = new Set(c.positives.map((p) => key(p.file, p.line, p.rule)));
  total += c.positives.length;
  for (const p of c.positives) if (!found.has(key(p.file, p.line, p.rule))) { miss++; byRule.set("MISS " + p.rule, (byRule.get("MISS " + p.rule) ?? 0) + 1); }
  for (const f of r.findings) if (!exp.has(key(f.file, f.line, f.rule))) { fp++; byRule.set("FP " + f.rule + " " + f.file.replace(/\d+/g, "N"), (byRule.get("FP " + f.rule + " " + f.file.replace(/\d+/g, "N")) ?? 0) + 1); }
}
console.log({ total, miss, fp }, byRule);
import { isPlaceholder } from "./src/secrets/placeholder.js";
import { looksRandom, shannon, sequentialShare, charClasses } from "./src/secrets/entropy.js";
for (let seed = 1; seed <= 200; seed++) {
  const c = buildCorpus(seed);
  const r = scanFiles(c.files);
  const found = new Set(r.findings.map((f) => key(f.file, f.line, f.rule)));
  for (const p of c.positives) if (!found.has(key(p.file, p.line, p.rule)) && true) {
    const text = new TextDecoder().decode(c.files.find((f) => f.path === p.file)!.data);
    console.log(seed, p.rule, p.file, "|", text.split("\n")[p.line - 1]?.slice(0, 140), "| other:", r.findings.filter((f) => f.file === p.file).map((f) => f.rule + "@" + f.line).join(","));
  }
  for (const f of r.findings) if (!c.positives.some((p) => key(p.file, p.line, p.rule) === key(f.file, f.line, f.rule))) console.log("FP", seed, f.rule, f.file, new TextDecoder().decode(c.files.find((x) => x.path === f.file)!.data).split("\n")[f.line - 1]);
}
