// The whole render step for one soul and one home: render (pure), observe, plan (pure), and
// unless checking or dry-running, apply. The CLI and the reconcile loop both call this.
import { join } from "node:path";
import type { Problem } from "../core/problem.js";
import type { Soul } from "../soul/model.js";
import type { HarnessName } from "../soul/schema/names.js";
import type { RenderAction, RenderPlan } from "./actions.js";
import { applyRenderPlan } from "./apply.js";
import { checkCollisions } from "./collisions.js";
import { manifestPath } from "./manifest.js";
import { observeRender, observeSizes } from "./observe.js";
import type { HarnessPaths } from "./paths.js";
import { planRender } from "./plan.js";
import { shadowFiles, skillRoots } from "./readers.js";
import { renderSoul, type SoulRender } from "./render.js";
import { OPENCLAW_OWN_FILES } from "./renderers/openclaw.js";
import type { RenderContext, RenderOrigin } from "./types.js";
import type { HarnessVersions } from "./versions.js";

export type RenderMode = "apply" | "check" | "dry-run";

export interface ApplyHarnessesOptions {
  soul: Soul;
  harnesses: readonly HarnessName[];
  paths: HarnessPaths;
  origin: RenderOrigin;
  mode: RenderMode;
  force?: boolean;
  /** The agent's project directory (host.yaml project_dir), checked for files that shadow the render. */
  projectDir?: string;
  versions?: HarnessVersions;
}

export interface ApplyHarnessesResult {
  render: SoulRender;
  /** Absent when rendering itself failed (budget, adapter or import errors). */
  plan: RenderPlan | undefined;
  applied: RenderAction[];
  /** Render problems, then plan conflicts and what the harnesses would see (collisions, shadowing). */
  problems: Problem[];
}

export async function applyHarnesses(o: ApplyHarnessesOptions): Promise<ApplyHarnessesResult> {
  const own = o.harnesses.includes("openclaw") ? await observeSizes(OPENCLAW_OWN_FILES.map((f) => join(o.paths.openclawWorkspace, f))) : new Map<string, number>();
  const ctx: RenderContext = { origin: o.origin, paths: o.paths, own, ...(o.projectDir ? { projectDir: o.projectDir } : {}), ...(o.versions ? { versions: o.versions } : {}) };
  const render = renderSoul(o.soul, o.harnesses, ctx);
  if (render.problems.some((p) => p.severity === "error")) return { render, plan: undefined, applied: [], problems: render.problems };
  const files = render.harnesses.flatMap((h) => h.files);
  const rendered = render.harnesses.filter((h) => h.enabled).map((h) => h.harness);
  const roots = skillRoots(o.paths, o.projectDir, o.versions ?? {}).filter((r) => rendered.includes(r.harness));
  const state = await observeRender(
    o.paths,
    files.map((f) => f.path),
    o.harnesses.includes("colibri"),
    { withText: new Set(files.filter((f) => f.entries).map((f) => f.path)), skillRoots: roots.map((r) => r.path), shadows: shadowFiles(o.paths, o.projectDir) },
  );
  const plan = planRender({
    home: o.paths.home,
    agent: o.soul.manifest.agent_id,
    revision: o.origin.revision,
    render,
    state,
    force: o.force === true,
    ...(o.versions ? { versions: o.versions } : {}),
  });
  const ours = new Set(Object.keys(state.manifest?.files ?? {}).map((k) => manifestPath(o.paths.home, k)));
  const seen = checkCollisions({ harnesses: rendered, roots, files, onDisk: state.skillDirs, ours, ctx });
  const problems = [...render.problems, ...plan.conflicts, ...seen];
  if (o.mode !== "apply" || plan.conflicts.some((p) => p.severity === "error")) return { render, plan, applied: [], problems };
  const applied = await applyRenderPlan(plan, render, o.paths, state.manifest, state.journal);
  return { render, plan, applied, problems };
}
