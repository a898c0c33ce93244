// What `validate` learns from the renderers: the soul rendered (in memory) for every harness its
// manifest turns on, so a budget is counted as the loader counts it (one figure, the render's) and
// text a harness would block is an error before anything is published. Budgets are warnings here
// (the render step refuses); everything else keeps its severity.
import type { Problem } from "../core/problem.js";
import type { Soul } from "../soul/model.js";
import { HARNESSES } from "../soul/schema/names.js";
import { harnessPaths } from "./paths.js";
import { harnessEnabled } from "./privacy.js";
import { renderSoul } from "./render.js";
import { originOf } from "./revision.js";

/** A revision as long as a real one, so provenance lines weigh what they will weigh. */
const PLACEHOLDER_REVISION = `HEAD@sha1:${"0".repeat(40)}`;

export function checkSoulForHarnesses(soul: Soul): Problem[] {
  const harnesses = HARNESSES.filter((h) => harnessEnabled(soul.manifest, h));
  const origin = { repo: originOf(soul.manifest, undefined), revision: PLACEHOLDER_REVISION };
  const r = renderSoul(soul, harnesses, { origin, paths: harnessPaths(`/home/${soul.manifest.agent_id}`) });
  return r.problems.map((p) => (p.code === "E_RENDER_BUDGET" ? { ...p, severity: "warning", code: "W_RENDER_BUDGET" } : p));
}
