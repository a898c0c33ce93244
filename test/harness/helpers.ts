// Shared helpers for the harness tests: real souls on disk, a fixed origin, file lookups.
import assert from "node:assert/strict";
import { join } from "node:path";
import { harnessPaths, type HarnessEnv } from "../../src/harness/paths.js";
import type { RenderContext, RenderOrigin } from "../../src/harness/types.js";
import { loadSoul } from "../../src/soul/load.js";
import type { Soul } from "../../src/soul/model.js";
import { validManifest, validSoulFiles } from "../helpers/souls.js";
import { type FileTree, tmpDir, writeTree } from "../helpers/tmp.js";

export const ORIGIN: RenderOrigin = {
  repo: "https://git.example.org/ops/atlas-soul.git",
  revision: "v1.4.0@sha1:1111111111111111111111111111111111111111",
};

/** A soul written to a temp dir and loaded the way the CLI loads it; must be valid. */
export async function soulFrom(files: FileTree): Promise<Soul> {
  const dir = writeTree(tmpDir("soulsync-soul-"), files);
  const { soul, problems } = await loadSoul({ dir });
  assert.ok(soul, `fixture soul is invalid: ${JSON.stringify(problems)}`);
  return soul;
}

/** The starter soul with manifest fields and files overridden. */
export function soulFiles(manifest: Record<string, unknown> = {}, files: FileTree = {}): FileTree {
  const m = { ...validManifest(), ...manifest };
  return { ...validSoulFiles(), "manifest.json": `${JSON.stringify(m, null, 2)}\n`, ...files };
}

export function ctxFor(home: string, env: HarnessEnv = {}, origin = ORIGIN): RenderContext {
  return { origin, paths: harnessPaths(home, env) };
}

export const decode = (b: Uint8Array) => new TextDecoder().decode(b);

export const HOME = "/home/atlas";
export const at = (rel: string) => join(HOME, rel);
