// Builds soul repos for tests from the starter soul, with overrides.
import { starterSoul } from "../../src/soul/starter.js";
import type { FileTree } from "./tmp.js";

/** The files of a valid soul (as `soulsync init` writes them), as a mutable FileTree. */
export function validSoulFiles(agent = "atlas"): FileTree {
  const files: FileTree = {};
  for (const [path, text] of starterSoul({ agent, displayName: "Atlas", today: "2026-11-01" })) files[path] = text;
  return files;
}

/** The starter manifest as an object, to tweak and re-serialise. */
export function validManifest(agent = "atlas"): Record<string, unknown> {
  return JSON.parse(String(validSoulFiles(agent)["manifest.json"])) as Record<string, unknown>;
}

export const memory = (front: string, body = "A fact worth keeping.\n") => `---\n${front}\n---\n\n${body}`;
