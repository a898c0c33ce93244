// The body of `soulsync render`, loaded only when the command runs.
import { realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { usageError } from "../../core/errors.js";
import { type Problem, toReport, warningAt } from "../../core/problem.js";
import type { RenderAction } from "../../harness/actions.js";
import { applyHarnesses, type RenderMode } from "../../harness/apply-harnesses.js";
import { detectVersions, recordedVersions } from "../../harness/detect.js";
import { harnessPaths, pickHarnessEnv } from "../../harness/paths.js";
import { harnessEnabled } from "../../harness/privacy.js";
import { formatRevision, originOf, readDirRevision } from "../../harness/revision.js";
import { parseVersionSpec } from "../../harness/versions.js";
import { loadAllowlist } from "../../secrets/load-allowlist.js";
import { loadGatedSoul } from "../../soul/gate.js";
import { HARNESSES, type HarnessName } from "../../soul/schema/names.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import { formatProblem, type Output, printReport, reportJson } from "../output.js";
import type { RenderOptions } from "./render.js";

/** `all`, one name, or a comma-separated list, in HARNESSES order. */
export function parseHarnesses(spec: string): HarnessName[] {
  const names = spec.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (names.length === 0 || names.includes("all")) return [...HARNESSES];
  const unknown = names.filter((n) => !(HARNESSES as readonly string[]).includes(n));
  if (unknown.length > 0) throw usageError("E_USAGE", `unknown harness ${unknown.join(", ")}; use ${HARNESSES.join(", ")} or all`);
  return HARNESSES.filter((h) => names.includes(h));
}

/** One line per action, for people. */
export function describeAction(a: RenderAction): string {
  switch (a.kind) {
    case "file.write":
      return `write   ${a.path} (${a.reason}${a.backup ? `, old file to ${a.backup}` : ""})`;
    case "file.adopt":
      return `adopt   ${a.path} (already identical; recorded as generated)`;
    case "file.remove":
      return `remove  ${a.path} (${a.reason}${a.backup ? `, moved to ${a.backup}` : ""})`;
    case "colibri.upsert":
      return `upsert  colibri skill ${a.name} (${a.reason})`;
    case "colibri.delete":
      return `delete  colibri skill ${a.name} (${a.reason})`;
  }
}

/** The soul directory with symlinks resolved: `<state>/<agent>/soul/current` is a symlink to a snapshot, and the operator named it. */
async function soulDir(dir: string): Promise<string> {
  return realpath(dir).catch(() => dir);
}

export async function runRender(o: Output, opts: RenderOptions): Promise<number> {
  const harnesses = parseHarnesses(opts.harness);
  const given = parseVersionSpec(opts.harnessVersion ?? "", HARNESSES);
  if (given.bad.length > 0) throw usageError("E_USAGE", `--harness-version takes name=version pairs for ${HARNESSES.join(", ")}; not ${given.bad.join(", ")}`);
  const source = opts.repo ? { repo: opts.repo, rev: opts.rev ?? "HEAD" } : { dir: await soulDir(opts.soul!) };
  // The same gate as validate: a soul that carries a secret is not rendered into any harness.
  const { soul, problems: soulProblems, tree } = await loadGatedSoul(source, { allow: await loadAllowlist(undefined, undefined) });
  if (!soul) {
    const report = toReport(soulProblems);
    if (opts.json) o.json({ ...(reportJson(report) as object), actions: [] });
    else printReport(o, report, `${tree.label} (not rendered)`);
    return EXIT_FAILED;
  }
  const revision =
    opts.revision ?? (opts.repo && soul.commit ? formatRevision(opts.rev ?? "HEAD", soul.commit) : await readDirRevision(opts.soul ?? "."));
  const origin = { repo: originOf(soul.manifest, opts.origin), revision };
  const paths = harnessPaths(resolve(opts.out!), pickHarnessEnv(process.env), opts.colibriDb ? resolve(opts.colibriDb) : undefined);
  const mode: RenderMode = opts.check ? "check" : opts.dryRun ? "dry-run" : "apply";
  const versions = await detectVersions(harnesses, given.versions, process.env, await recordedVersions(paths.home));
  const projectDir = opts.projectDir ? resolve(opts.projectDir) : undefined;
  const result = await applyHarnesses({ soul, harnesses, paths, origin, mode, force: opts.force, versions, ...(projectDir ? { projectDir } : {}) });

  const extra: Problem[] = [];
  if (opts.harness !== "all") {
    for (const h of harnesses) {
      if (!harnessEnabled(soul.manifest, h)) extra.push(warningAt("manifest.json", "W_HARNESS_DISABLED", `${h} is turned off in the manifest's adapters; its generated files are removed`));
    }
  }
  // The soul's own warnings, but not budget ones: the render counts budgets itself, only for the harnesses it renders.
  const soulWarnings = soulProblems.filter((p) => p.severity === "warning" && p.code !== "W_RENDER_BUDGET");
  const report = toReport([...soulWarnings, ...extra, ...result.problems]);
  const actions = result.plan?.actions ?? [];
  const stale = mode === "check" && actions.length > 0;
  const ok = report.ok && !stale;
  if (opts.json) {
    o.json({
      ...(reportJson(report) as object),
      ok,
      mode,
      home: paths.home,
      revision,
      origin: origin.repo,
      harnesses: result.render.harnesses.map((h) => ({
        name: h.harness,
        enabled: h.enabled,
        files: h.files.length,
        colibriSkills: h.colibri.length,
        version: versions[h.harness]?.version ?? null,
        versionFrom: versions[h.harness]?.from ?? "assumed",
      })),
      actions,
      upToDate: report.ok && actions.length === 0,
    });
    return ok ? EXIT_OK : EXIT_FAILED;
  }
  for (const p of [...report.errors, ...report.warnings]) o.out(formatProblem(p, o.colors, true));
  const done = mode === "apply" && report.ok;
  // A refused render changes nothing and would do nothing: its actions are not listed.
  if (report.ok) for (const a of actions) o.out(`${done ? "" : "would "}${describeAction(a)}`);
  const summary = !report.ok
    ? `render: ${report.errors.length} error${report.errors.length === 1 ? "" : "s"}; nothing was changed`
    : actions.length === 0
      ? `render: ${harnesses.join(", ")} up to date at ${revision}`
      : `render${mode === "apply" ? "" : ` --${mode}`}: ${summarise(actions, done)} (${revision})`;
  o.err(ok ? o.colors.green(summary) : o.colors.red(summary));
  return ok ? EXIT_OK : EXIT_FAILED;
}

function summarise(actions: readonly RenderAction[], done: boolean): string {
  const n = (k: RenderAction["kind"]) => actions.filter((a) => a.kind === k).length;
  const parts = [
    [n("file.write"), "written", "to write"],
    [n("file.remove"), "removed", "to remove"],
    [n("file.adopt"), "adopted", "to adopt"],
    [n("colibri.upsert"), "Colibri skills upserted", "Colibri skills to upsert"],
    [n("colibri.delete"), "Colibri skills deleted", "Colibri skills to delete"],
  ] as const;
  return parts
    .filter(([c]) => c > 0)
    .map(([c, past, future]) => `${c} ${done ? past : future}`)
    .join(", ");
}
