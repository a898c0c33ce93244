// memories/curated/*.md front matter: what the brain import (system_brain.memories) needs.
import * as z from "zod";
import { isoDate } from "./names.js";

export const TOPIC_RE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export const memoryFrontMatterSchema = z.object({
  title: z.string().min(1).max(200),
  topics: z
    .array(z.string().min(1).max(64).regex(TOPIC_RE, "topics are lowercase words joined by - or _"))
    .max(32)
    .describe("search facets"),
  importance: z.number().int().min(1).max(5).describe("1 (trivia) to 5 (must never forget)"),
  created: isoDate,
  updated: isoDate.optional(),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,127}$/)
    .optional()
    .describe("stable id; defaults to the file name without .md"),
  source: z.string().min(1).max(500).optional().describe("where the memory came from"),
  reviewed_by: z.string().min(1).max(200).optional(),
  expires: isoDate.optional().describe("after this date the memory is retired"),
  private: z.boolean().default(false).describe("never imported when true"),
});

export type MemoryFrontMatter = z.infer<typeof memoryFrontMatterSchema>;
