// soulsync on labelled examples that other scanners' authors wrote: the literal true and false
// positives in gitleaks' rule definitions (cmd/generate/config/rules/*.go). The examples are read
// from a local clone at run time and never stored here. Generated examples (utils.Generate…,
// fmt.Sprintf) are skipped: only string literals at the top level of `tps`/`fps` count.
//   GITLEAKS_REPO=/path/to/gitleaks(.git) npm run bench -- bench/foreign-secrets.bench.ts
import { execFileSync } from "node:child_process";
import { scanFiles } from "../src/secrets/api.js";

const repo = process.env.GITLEAKS_REPO ?? "/work/.mirror/gitleaks+gitleaks/repo";
const git = (...args: string[]) => execFileSync("git", ["--git-dir", repo.endsWith(".git") || repo.endsWith("/repo") ? repo : `${repo}/.git`, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });

/**
 * The elements of the Go composite literal or call whose bracket is at `from` that are made of
 * string literals only (`"a"`, `` `b` ``, `"a" + "b"`); an element with a call or variable is generated.
 */
function literals(src: string, from: number): string[] {
  const elements: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = from; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "/" && src[i + 1] === "/") {
      i = src.indexOf("\n", i) - 1;
      if (i < 0) break;
      continue;
    }
    if (c === "`" || c === '"') {
      const end = c === "`" ? src.indexOf("`", i + 1) : closingQuote(src, i);
      current += src.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === "{" || c === "(") {
      depth++;
      if (depth === 1) continue;
    }
    if (c === "}" || c === ")") {
      depth--;
      if (depth === 0) {
        elements.push(current);
        break;
      }
    }
    if (c === "," && depth === 1) {
      elements.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  const LIT = /(`[^`]*`|"(?:\\.|[^"\\])*")/g;
  const pure = /^\s*(?:`[^`]*`|"(?:\\.|[^"\\])*")(?:\s*\+\s*(?:`[^`]*`|"(?:\\.|[^"\\])*"))*\s*$/;
  return elements
    .filter((e) => pure.test(e))
    .map((e) =>
      [...e.matchAll(LIT)]
        .map((m) => {
          const lit = m[1] as string;
          return lit.startsWith("`") ? lit.slice(1, -1) : (JSON.parse(lit.replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1").replace(/\\'/g, "'")) as string);
        })
        .join(""),
    );
}

function closingQuote(src: string, i: number): number {
  let j = i + 1;
  while (j < src.length && src[j] !== '"') j += src[j] === "\\" ? 2 : 1;
  return j;
}

/** tps and fps of every rule file: `tps := []string{…}`, `tps = append(tps, …)`, and the same for fps. */
function examples(): { tps: string[]; fps: string[]; files: number } {
  const files = git("ls-tree", "--name-only", "HEAD", "cmd/generate/config/rules/").split("\n").filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"));
  const tps: string[] = [];
  const fps: string[] = [];
  for (const f of files) {
    const src = git("show", `HEAD:${f}`);
    for (const m of src.matchAll(/\b(tps|fps|truePositives|falsePositives)\s*(?::?=\s*\[\]string\s*\{|=\s*append\(\s*\w+\s*,)/g)) {
      const open = (m.index as number) + Math.max(m[0].lastIndexOf("{"), m[0].lastIndexOf("("));
      const list = m[1]?.startsWith("t") ? tps : fps;
      list.push(...literals(src, open).filter((s) => s.trim().length > 0));
    }
  }
  return { tps, fps, files: files.length };
}

const enc = new TextEncoder();
const found = (s: string) => scanFiles([{ path: "example.txt", data: enc.encode(s) }]).findings.length > 0;

const head = git("rev-parse", "HEAD").trim();
console.log(`gitleaks ${head.slice(0, 12)}: reading rule files…`);
const { tps, fps, files } = examples();
console.log(`${files} rule files: ${tps.length} literal true positives, ${fps.length} literal false positives`);
let tp = 0;
const missed: string[] = [];
tps.forEach((s, i) => {
  if (found(s)) tp++;
  else missed.push(s);
  if ((i + 1) % 200 === 0) console.log(`  … ${i + 1}/${tps.length} true positives scanned`);
});
let fp = 0;
const flagged: string[] = [];
for (const s of fps) {
  if (found(s)) {
    fp++;
    flagged.push(s);
  }
}
const precision = tp / (tp + fp);
console.log(`recall ${(tp / tps.length).toFixed(3)} (${tp}/${tps.length})  false positives ${fp}/${fps.length}  precision ${precision.toFixed(3)}`);
if (process.env.SHOW) {
  // Only with SHOW=1: the examples are theirs (public test data), printed shortened to study misses.
  for (const s of missed) console.log(`MISS ${JSON.stringify(s).slice(0, 160)}`);
  for (const s of flagged) console.log(`FP   ${JSON.stringify(s).slice(0, 160)}`);
}
