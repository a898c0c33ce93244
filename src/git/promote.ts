// `soulsync promote`: tag HEAD of a soul repo as a release after it validates and scans clean,
// refusing a version not greater than the latest one under the same prefix.
import semver from "semver";
import { inputError, usageError } from "../core/errors.js";
import type { Problem } from "../core/problem.js";
import { loadGatedSoul } from "../soul/gate.js";
import { readAllowlist } from "../secrets/allowlist.js";
import { git } from "./git-run.js";
import { tagVersions } from "./select.js";

export interface PromoteRequest {
  repo: string;
  version: string;
  prefix?: string;
  sign?: boolean;
  push?: boolean;
  remote?: string;
  allowlist?: string;
  message?: string;
}

export interface PromoteResult {
  tag: string;
  commit: string;
  previous?: string;
  signed: boolean;
  pushed: boolean;
  warnings: Problem[];
}

const PREFIX = /^(?:[A-Za-z0-9._][A-Za-z0-9._-]*\/)*(?:[A-Za-z0-9._][A-Za-z0-9._-]*)?$/;

/**
 * The tag to create and the latest existing one under the prefix (pure); throws when not newer.
 * Tags are spelled one way, PREFIX + "v" + X.Y.Z, whether VERSION was given as 1.4.0 or v1.4.0:
 * the common git convention, and what a `semver` ref selector matches either way.
 */
export function planPromotion(version: string, prefix: string, tags: readonly string[]): { tag: string; previous?: string } {
  const rest = version.replace(/^v/, "");
  if (!/^v?\d/.test(version) || semver.valid(version) === null || semver.clean(version) !== rest) {
    throw usageError("E_PROMOTE_VERSION", `"${version}" is not a semver version (e.g. 1.4.0 or v1.4.0)`, { version });
  }
  if (!PREFIX.test(prefix)) throw usageError("E_PROMOTE_PREFIX", `"${prefix}" is not a usable tag prefix (e.g. host-a/)`, { prefix });
  const existing = tagVersions(prefix, tags);
  const latest = existing.sort((a, b) => semver.rcompare(a.version, b.version))[0];
  if (latest && !semver.gt(version, latest.version)) {
    throw inputError("E_PROMOTE_NOT_NEWER", `${prefix}v${rest} is not greater than the latest ${latest.tag}`, { latest: latest.tag });
  }
  return { tag: `${prefix}v${rest}`, previous: latest?.tag };
}

/** Validates and scans HEAD, then creates the annotated (optionally signed) tag and optionally pushes it. */
export async function promote(req: PromoteRequest): Promise<PromoteResult> {
  const cwd = req.repo;
  const commit = (await git(["rev-parse", "--verify", "HEAD^{commit}"], { cwd })).stdout.trim();
  const tags = (await git(["tag", "--list"], { cwd })).stdout.split("\n").filter(Boolean);
  const plan = planPromotion(req.version, req.prefix ?? "", tags);
  await git(["check-ref-format", `refs/tags/${plan.tag}`], { cwd }).catch(() => {
    throw usageError("E_PROMOTE_PREFIX", `${plan.tag} is not a valid tag name`, { tag: plan.tag });
  });
  const { problems } = await loadGatedSoul({ repo: cwd, rev: commit }, { allow: req.allowlist ? await readAllowlist(req.allowlist) : new Set() });
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw inputError("E_PROMOTE_INVALID", `HEAD (${commit.slice(0, 12)}) does not pass validation and the secrets scan: ${errors.length} problem(s)`, {
      problems,
    });
  }
  const message = req.message ?? `soulsync promote ${plan.tag}`;
  await git(["tag", "--annotate", ...(req.sign ? ["--sign"] : []), "-m", message, plan.tag, commit], { cwd });
  if (req.push) await git(["push", "--quiet", req.remote ?? "origin", `refs/tags/${plan.tag}`], { cwd, timeout: 600_000 });
  return {
    tag: plan.tag,
    commit,
    previous: plan.previous,
    signed: Boolean(req.sign),
    pushed: Boolean(req.push),
    warnings: problems.filter((p) => p.severity === "warning"),
  };
}
