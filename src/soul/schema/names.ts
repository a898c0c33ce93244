// Names shared by the soul, the host config and the renderers.
import { z } from "zod";
import { AGENT_NAME_RE, SKILL_NAME_RE } from "./patterns.js";

export { AGENT_NAME_RE, SKILL_NAME_RE };

/** The harnesses soulsync renders for (DESIGN §8). */
export const HARNESSES = ["pi", "hermes", "codex", "claude-code", "colibri", "openclaw"] as const;
export type HarnessName = (typeof HARNESSES)[number];
export const harnessName = z.enum(HARNESSES);

export const agentName = z
  .string()
  .regex(AGENT_NAME_RE, "must start with a lowercase letter, then lowercase letters, digits or _ (at most 32)");

export const skillName = z
  .string()
  .min(1)
  .max(64)
  .regex(SKILL_NAME_RE, "must be lowercase letters, digits and single hyphens, not at either end");

/** True when a YYYY-MM-DD prefix names a real calendar day (2026-02-30 does not). */
function isRealDay(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** YYYY-MM-DD, or a full ISO 8601 timestamp. Kept as a string: YAML never makes Date objects here. */
export const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
    "must be a date (YYYY-MM-DD) or an ISO 8601 timestamp",
  )
  .refine(isRealDay, "is not a real calendar date");
