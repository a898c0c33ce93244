// Line and branch coverage per src/ folder, from c8's coverage/coverage-summary.json (written by
// `npm run coverage`). Prints a Markdown table; docs/coverage.md keeps the figures.
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";

const summary = JSON.parse(readFileSync("coverage/coverage-summary.json", "utf8"));
const folders = new Map();
for (const [file, s] of Object.entries(summary)) {
  if (file === "total") continue;
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
const t = summary.total;
console.log("| folder | files | lines | branches |");
console.log("|---|---:|---:|---:|");
for (const [folder, f] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`| \`${folder}\` | ${f.files} | ${pct(f.lines)} | ${pct(f.branches)} |`);
}
console.log(`| **all of src/** | ${folders.size ? [...folders.values()].reduce((n, f) => n + f.files, 0) : 0} | ${pct([t.lines.covered, t.lines.total])} | ${pct([t.branches.covered, t.branches.total])} |`);
