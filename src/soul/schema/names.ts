// Names shared by the soul, the host config and the renderers.
import * as z from "zod";
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

/**
 * A YYYY-MM-DD prefix that names a real calendar day (2026-02-30 does not; 29 February only in
 * leap years). A pattern rather than a refinement, so the JSON Schema in soul-schema/ says it too.
 */
const REAL_DAY_RE =
  /^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)/;

/** YYYY-MM-DD, or a full ISO 8601 timestamp. Kept as a string: YAML never makes Date objects here. */
export const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
    "must be a date (YYYY-MM-DD) or an ISO 8601 timestamp",
  )
  .regex(REAL_DAY_RE, "is not a real calendar date");
