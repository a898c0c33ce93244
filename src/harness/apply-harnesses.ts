// The whole render step for one soul and one home: render (pure), observe, plan (pure), and
// unless checking or dry-running, apply. The CLI and the reconcile loop both call this.
import type { Problem } from "../core/problem.js";
import type { Soul } from "../soul/model.js";
import type { HarnessName } from "../soul/schema/names.js";
import type { RenderAction, RenderPlan } from "./actions.js";
import { applyRenderPlan } from "./apply.js";
import { observeRender } from "./observe.js";
import type { HarnessPaths } from "./paths.js";
import { planRender } from "./plan.js";
import { renderSoul, type SoulRender } from "./render.js";
import type { RenderOrigin } from "./types.js";

export type RenderMode = "apply" | "check" | "dry-run";

export interface ApplyHarnessesOptions {
  soul: Soul;
  harnesses: readonly HarnessName[];
  paths: HarnessPaths;
  origin: RenderOrigin;
  mode: RenderMode;
  force?: boolean;
}

export interface ApplyHarnessesResult {
  render: SoulRender;
  /** Absent when rendering itself failed (budget, adapter or import errors). */
  plan: RenderPlan | undefined;
  applied: RenderAction[];
  /** Render problems, then plan conflicts. */
  problems: Problem[];
}

export async function applyHarnesses(o: ApplyHarnessesOptions): Promise<ApplyHarnessesResult> {
  const render = renderSoul(o.soul, o.harnesses, { origin: o.origin, paths: o.paths });
  if (render.problems.some((p) => p.severity === "error")) return { render, plan: undefined, applied: [], problems: render.problems };
  const files = render.harnesses.flatMap((h) => h.files);
  const entryFiles = new Set(files.filter((f) => f.entries).map((f) => f.path));
  const state = await observeRender(
    o.paths,
    files.map((f) => f.path),
    o.harnesses.includes("colibri"),
    entryFiles,
  );
  const plan = planRender({
    home: o.paths.home,
    agent: o.soul.manifest.agent_id,
    revision: o.origin.revision,
    render,
    state,
    force: o.force === true,
  });
  const problems = [...render.problems, ...plan.conflicts];
  if (o.mode !== "apply" || plan.conflicts.some((p) => p.severity === "error")) return { render, plan, applied: [], problems };
  const applied = await applyRenderPlan(plan, render, o.paths, state.manifest, state.journal);
  return { render, plan, applied, problems };
}
