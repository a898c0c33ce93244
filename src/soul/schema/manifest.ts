// manifest.json of a Layered Soul v1 repo (schema id clawdie.layered-soul.v1).
import * as z from "zod";
import { displayTextProblem } from "../../untrusted/display-text.js";
import { agentName, HARNESSES, harnessName, isoDate, skillName } from "./names.js";

export const SOUL_SCHEMA_ID = "clawdie.layered-soul.v1";

/** Who may receive something: every harness, none, or the listed ones. */
export const audience = z.union([z.enum(["all", "none"]), z.array(harnessName).max(6)], {
  error: `must be "all", "none" or a list of harnesses (${HARNESSES.join(", ")})`,
});
export type Audience = z.infer<typeof audience>;

export const provenance = z.object({
  authors: z.array(z.string().min(1).max(200)).min(1).describe("people or agents who wrote this soul"),
  created: isoDate.describe("when the soul was first written"),
  origin: z.string().min(1).max(500).optional().describe("where it came from: a repo URL or a note"),
  derived_from: z.string().min(1).max(500).optional().describe("the soul this one was forked from"),
  license: z.string().min(1).max(100).optional(),
});

export const privacy = z.object({
  user_context: audience.describe("harnesses that may receive USER.md (operator/user context)"),
  memories: z
    .enum(["curated", "none"])
    .describe("curated: memories/curated/*.md may be imported into system_brain; none: never"),
  skills: z
    .union([z.enum(["all", "none"]), z.array(skillName).max(500)], {
      error: 'must be "all", "none" or a list of skill names',
    })
    .describe("which skills may leave the repo (to harnesses and system_skills)"),
  skills_audience: audience
    .optional()
    .describe("harnesses that may receive skills; default all"),
});

export const adapterHint = z.object({
  enabled: z.boolean().default(true).describe("render for this harness"),
  notes: z.string().max(2000).optional().describe("free-form hint for operators"),
});

export const manifestSchema = z.object({
  schema: z.literal(SOUL_SCHEMA_ID),
  agent_id: agentName.describe("the AGENT_NAME this soul belongs to"),
  display_name: z
    .string()
    .min(1)
    .max(100)
    .superRefine((v, ctx) => {
      const why = displayTextProblem(v);
      if (why) ctx.addIssue({ code: "custom", message: `it ${why}` });
    }),
  version: z.string().max(64).optional().describe("the soul's own version, informational"),
  description: z.string().max(1000).optional(),
  provenance,
  privacy,
  adapters: z
    .partialRecord(harnessName, adapterHint)
    .default({})
    .describe("per-harness hints; when empty every harness is on, otherwise only listed, enabled ones"),
});

export type Manifest = z.infer<typeof manifestSchema>;
