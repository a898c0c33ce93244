// JSON Schema (2020-12) for editors, generated from the zod schemas (soul-schema/).
import * as z from "zod";
import { manifestSchema } from "./manifest.js";
import { memoryFrontMatterSchema } from "./memory.js";
import { skillFrontMatterSchema } from "./skill.js";

const BASE = "https://soulsync.dev/schema/layered-soul/v1";

function generate(schema: z.ZodType, id: string, title: string): object {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { $schema: json.$schema, $id: `${BASE}/${id}`, title, ...json };
}

/** File name → schema object, in a stable order. */
export function soulJsonSchemas(): Record<string, object> {
  return {
    "manifest.schema.json": generate(manifestSchema, "manifest.schema.json", "Layered Soul v1 manifest.json"),
    "skill.schema.json": generate(skillFrontMatterSchema, "skill.schema.json", "SKILL.md front matter (Agent Skills)"),
    "memory.schema.json": generate(memoryFrontMatterSchema, "memory.schema.json", "memories/curated/*.md front matter"),
  };
}

export function serializeSchema(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
