// Line and branch coverage per src/ folder, from c8's coverage/coverage-summary.json (written by
// `npm run coverage`). Prints a Markdown table; docs/coverage.md keeps the figures. Files that
// compile to no code (only types: dist/<file>.js is empty) are left out, since c8's `all` would
// count their every line as uncovered.
import { existsSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const summary = JSON.parse(readFileSync("coverage/coverage-summary.json", "utf8"));

function typeOnly(srcFile) {
  const js = join("dist", relative("src", srcFile)).replace(/\.ts$/, ".js");
  if (!existsSync(js)) return false;
  const code = readFileSync(js, "utf8")
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trim())
    .filter((l) => l !== "" && l !== "export {};");
  return code.length === 0;
}

const folders = new Map();
let skipped = 0;
for (const [file, s] of Object.entries(summary)) {
  if (file === "total") continue;
  if (typeOnly(file)) {
    skipped += 1;
    continue;
  }
  const parts = relative("src", file).split(sep);
  const folder = parts.length > 1 ? `src/${parts[0]}/` : "src/";
  const f = folders.get(folder) ?? { files: 0, lines: [0, 0], branches: [0, 0] };
  f.files += 1;
  f.lines[0] += s.lines.covered;
  f.lines[1] += s.lines.total;
  f.branches[0] += s.branches.covered;
  f.branches[1] += s.branches.total;
  folders.set(folder, f);
}
const pct = ([c, t]) => (t === 0 ? "–" : `${((100 * c) / t).toFixed(1)} %`);
const all = { files: 0, lines: [0, 0], branches: [0, 0] };
console.log("| folder | files | lines | branches |");
console.log("|---|---:|---:|---:|");
for (const [folder, f] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`| \`${folder}\` | ${f.files} | ${pct(f.lines)} | ${pct(f.branches)} |`);
  all.files += f.files;
  for (const k of ["lines", "branches"]) for (const i of [0, 1]) all[k][i] += f[k][i];
}
console.log(`| **all of src/** | ${all.files} | ${pct(all.lines)} | ${pct(all.branches)} |`);
console.log(`\n(${skipped} type-only files left out.)`);
