// Which sources a host watches: the host repo itself (when it is a git source) and every agent's
// soul, each with the validator its snapshots must pass before publish.
import { join } from "node:path";
import { envPathOf } from "../config/check.js";
import { readHostSpec } from "../config/host.js";
import type { AgentSpec, HostSpec } from "../config/schema/host.js";
import type { SourceSpec } from "../config/schema/source.js";
import { isSoulsyncError } from "../core/errors.js";
import { errorAt, type Problem } from "../core/problem.js";
import { validateSoul } from "../soul/validate/index.js";
import { FILE_LIMITS } from "../untrusted/limits.js";
import { readUntrusted } from "../untrusted/read-file.js";
import { refusalProblem } from "../untrusted/refusal.js";
import type { TreeValidator } from "./check.js";

/** One watched source of one agent: its spec and the validator its snapshots must pass. */
export interface SourceTarget {
  agent: string;
  source: string;
  spec: SourceSpec;
  validate: TreeValidator;
  /** Relative local paths in the URL are relative to this directory. */
  baseDir?: string;
}

/** The host repo's status key: "_host" cannot be an agent name (those start with a letter). */
export const HOST_AGENT = "_host";
export const HOST_SOURCE = "repo";
export const SOUL_SOURCE = "soul";

/** A soul snapshot must be a valid Layered Soul v1 tree. */
export const validateSoulTree: TreeValidator = (tree) => validateSoul(tree).problems;

/**
 * A host repo snapshot must hold a host.yaml that reads cleanly, and every agent .env that is
 * there must pass the untrusted reader: a committed symlink `agents/atlas.env -> /dev/zero` (or a
 * link leaving the repo, or a huge file) is refused here, not read later by plan. (The .env
 * rules themselves are `config check`'s; a missing .env is not the snapshot's fault.)
 */
export const validateHostTree: TreeValidator = async (_tree, dir) => {
  let spec: HostSpec;
  try {
    spec = await readHostSpec(dir);
  } catch (e) {
    const problem: Problem = errorAt("host.yaml", isSoulsyncError(e) ? e.code : "E_HOST", (e as Error).message.replace(`${dir}/`, ""));
    return [problem];
  }
  const problems: Problem[] = [];
  for (const agent of spec.agents) {
    const rel = envPathOf(agent);
    if (rel.split("/").includes("..")) continue; // refused by config check's E_ENV_PATH
    const read = await readUntrusted(join(dir, rel), { maxBytes: FILE_LIMITS.envFile, root: dir });
    if (!read.ok && read.reason !== "missing") problems.push(refusalProblem(rel, read));
  }
  return problems;
};

/** The host repo as a source (pure). */
export function hostTarget(spec: SourceSpec): SourceTarget {
  return { agent: HOST_AGENT, source: HOST_SOURCE, spec, validate: validateHostTree };
}

/** Each agent's soul as a source (pure); relative local URLs resolve against `baseDir`. */
export function soulTargets(agents: readonly AgentSpec[], baseDir: string): SourceTarget[] {
  return agents.map((a) => ({ agent: a.name, source: SOUL_SOURCE, spec: a.soul, validate: validateSoulTree, baseDir }));
}
