// Renders one soul for the chosen harnesses (pure: Soul and context in, files and rows out).
import { errorAt, type Problem } from "../core/problem.js";
import type { Soul } from "../soul/model.js";
import type { HarnessName } from "../soul/schema/names.js";
import { checkAudience } from "./audience.js";
import { displayPath } from "./budget.js";
import { harnessEnabled } from "./privacy.js";
import { renderClaudeCode } from "./renderers/claude-code.js";
import { renderCodex } from "./renderers/codex.js";
import { renderColibri } from "./renderers/colibri.js";
import { renderHermes } from "./renderers/hermes.js";
import { renderOpenClaw } from "./renderers/openclaw.js";
import { renderPi } from "./renderers/pi.js";
import type { HarnessRender, RenderContext } from "./types.js";

export const RENDERERS: Record<HarnessName, (soul: Soul, ctx: RenderContext) => HarnessRender> = {
  pi: renderPi,
  hermes: renderHermes,
  codex: renderCodex,
  "claude-code": renderClaudeCode,
  colibri: renderColibri,
  openclaw: renderOpenClaw,
};

export interface SoulRender {
  harnesses: HarnessRender[];
  problems: Problem[];
}

/** Every chosen harness; one the manifest turned off renders nothing (its old files go stale). */
export function renderSoul(soul: Soul, harnesses: readonly HarnessName[], ctx: RenderContext): SoulRender {
  const out: HarnessRender[] = harnesses.map((h) =>
    harnessEnabled(soul.manifest, h) ? RENDERERS[h](soul, ctx) : { harness: h, enabled: false, files: [], colibri: [], problems: [] },
  );
  // One problem once, though several harnesses render the same skill or text.
  const seen = new Set<string>();
  const problems = [...out.flatMap((r) => r.problems), ...checkAudience(soul, out, ctx)].filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.code}\0${p.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  // Two harnesses pointed at one directory (say CODEX_HOME = PI_CODING_AGENT_DIR) must not fight.
  const owner = new Map<string, HarnessName>();
  for (const r of out) {
    for (const f of r.files) {
      const prev = owner.get(f.path);
      if (prev && prev !== r.harness) {
        problems.push(errorAt(displayPath(ctx.paths, f.path), "E_RENDER_COLLISION", `both ${prev} and ${r.harness} render this path; point their homes at different directories`));
      }
      owner.set(f.path, r.harness);
    }
  }
  return { harnesses: out, problems };
}
