// What the manifest lets each harness receive: which harnesses are on, user context, skills.
import type { Audience, Manifest } from "../soul/schema/manifest.js";
import type { HarnessName } from "../soul/schema/names.js";
import type { SkillDoc } from "../soul/model.js";

function inAudience(audience: Audience, harness: HarnessName): boolean {
  if (audience === "all") return true;
  if (audience === "none") return false;
  return audience.includes(harness);
}

/** Manifest `adapters`: empty means every harness is on, otherwise only listed, enabled ones. */
export function harnessEnabled(manifest: Manifest, harness: HarnessName): boolean {
  const hints = manifest.adapters ?? {};
  if (Object.keys(hints).length === 0) return true;
  const hint = hints[harness];
  return hint !== undefined && hint.enabled !== false;
}

/** privacy.user_context: may USER.md reach this harness? */
export function userContextAllowed(manifest: Manifest, harness: HarnessName): boolean {
  return inAudience(manifest.privacy.user_context, harness);
}

/** privacy.skills and privacy.skills_audience: the skills this harness may receive. */
export function skillsFor(manifest: Manifest, harness: HarnessName, skills: readonly SkillDoc[]): SkillDoc[] {
  if (!inAudience(manifest.privacy.skills_audience ?? "all", harness)) return [];
  const allowed = manifest.privacy.skills;
  if (allowed === "all") return [...skills];
  if (allowed === "none") return [];
  return skills.filter((s) => allowed.includes(s.name));
}
