// Both man pages as text, from the live definitions: what scripts/man.mjs writes under man/ and
// what the staleness test compares with the committed files.
import { readFileSync } from "node:fs";
import * as z from "zod";
import { BOOTSTRAP_DOC } from "../../config/schema/bootstrap-doc.js";
import { bootstrapSpec } from "../../config/schema/bootstrap.js";
import { packageFile } from "../../core/package-root.js";
import { buildProgram } from "../main.js";
import type { SchemaNode } from "./soulsync-yaml-5.js";
import { renderSoulsync8 } from "./soulsync-8.js";
import { renderSoulsyncYaml5 } from "./soulsync-yaml-5.js";

/** The bootstrap file's JSON Schema as a user writes it (defaults optional). */
export const bootstrapJsonSchema = (): SchemaNode => z.toJSONSchema(bootstrapSpec, { io: "input", unrepresentable: "any" }) as SchemaNode;

/** File name under man/ → its content. */
export function manPages(): Record<string, string> {
  const version = (JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version: string }).version;
  const { program } = buildProgram();
  return {
    "soulsync.8": renderSoulsync8(program, version),
    "soulsync.yaml.5": renderSoulsyncYaml5(bootstrapJsonSchema(), BOOTSTRAP_DOC, version),
  };
}
