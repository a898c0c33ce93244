// SKILL.md front matter, per the Agent Skills format.
import * as z from "zod";
import { skillName } from "./names.js";

export const skillFrontMatterSchema = z.object({
  name: skillName.describe("equal to the skill's folder name"),
  description: z.string().min(1).max(1024).describe("what the skill does and when to use it"),
  license: z.string().min(1).max(200).optional(),
  compatibility: z.string().min(1).max(500).optional().describe("environment requirements"),
  metadata: z.record(z.string(), z.string()).optional().describe("string keys to string values"),
  "allowed-tools": z
    .union([z.string().max(2000), z.array(z.string().min(1).max(200)).max(100)])
    .optional()
    .describe("pre-approved tools (space-separated string or list)"),
});

export type SkillFrontMatter = z.infer<typeof skillFrontMatterSchema>;
