// The revision printed in provenance lines: `<ref>@sha1:<commit>` (DESIGN §1). For a directory it
// is the last commit that touched the soul, marked `+dirty` when its files differ from that commit.
import { redactUrls } from "../core/redact.js";
import type { Manifest } from "../soul/schema/manifest.js";

/** `<ref>@sha1:<commit>` for a commit read from git. */
export const formatRevision = (ref: string, commit: string): string => `${ref}@sha1:${commit}`;

/** Reads the revision of a soul directory from git, or "unversioned" outside a repository. */
export async function readDirRevision(dir: string): Promise<string> {
  // The process runner (execa) is loaded only when git is asked: --revision renders never pay for it.
  const { run } = await import("../exec/run.js");
  const git = (args: string[]) => run(["git", "-C", dir, ...args], { reject: false, timeout: 30_000 });
  const log = await git(["log", "-1", "--format=%H", "--", "."]).catch(() => undefined);
  const commit = log?.exitCode === 0 ? log.stdout.trim() : "";
  if (!/^[0-9a-f]{40}$/.test(commit)) return "unversioned";
  const ref = await git(["symbolic-ref", "--short", "-q", "HEAD"]);
  const status = await git(["status", "--porcelain", "--", "."]);
  const dirty = status.exitCode === 0 && status.stdout.trim() !== "";
  return `${formatRevision(ref.exitCode === 0 && ref.stdout.trim() ? ref.stdout.trim() : "HEAD", commit)}${dirty ? "+dirty" : ""}`;
}

/** The repo named in provenance lines: --origin, the manifest's provenance.origin when it is a URL or path, or soul:<agent>. */
export function originOf(manifest: Manifest, override: string | undefined): string {
  // provenance.origin may be a free-text note; only a URL or path (no spaces) names a repo.
  const origin = manifest.provenance.origin?.trim();
  const raw = override?.trim() || (origin && !/\s/.test(origin) ? origin : `soul:${manifest.agent_id}`);
  return redactUrls(raw.replace(/\s+/g, " "));
}
