// Run by openclaw.test.ts under a Node that OpenClaw accepts (>= 24.16): loads a workspace with
// OpenClaw's own bootstrap loader, the way a main session and a subagent session get it, and prints
// JSON. OpenClaw's package exports no API for this, so its built chunks are found by the function
// they define. Arguments: <openclaw package dir> <workspace dir>.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pkgDir, workspace] = process.argv.slice(2);
const dist = join(pkgDir, "dist");

/** The export alias of `fn` in the one dist chunk that defines it. */
async function load(fn) {
  for (const f of readdirSync(dist).filter((n) => n.endsWith(".mjs"))) {
    const text = readFileSync(join(dist, f), "utf8");
    if (!text.includes(`function ${fn}(`)) continue;
    const alias = new RegExp(`\\b${fn} as (\\w+)\\b`).exec(text)?.[1];
    if (!alias) continue;
    return (await import(pathToFileURL(join(dist, f)).href))[alias];
  }
  throw new Error(`no chunk of ${dist} exports ${fn}`);
}

const loadFiles = await load("loadWorkspaceBootstrapFiles");
const forSession = await load("filterBootstrapFilesForSession");
const build = await load("buildBootstrapContextFiles");
const files = await loadFiles(workspace);
const warnings = [];
const context = (session) =>
  build(forSession(files, { sessionKey: session, workspaceDir: workspace }), { warn: (m) => warnings.push(m) }).map((f) => ({ path: f.path, content: f.content }));
const version = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version;
console.log(JSON.stringify({ version, main: context("agent:main:main"), subagent: context("agent:main:subagent:probe"), warnings }));
