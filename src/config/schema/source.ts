// A watched git source: where it is, which revision to take, and how to verify it.
import * as z from "zod";
import { branchName, location, tagName, tagPrefix } from "./checked.js";

/**
 * Ref selection. Several may be given; precedence is commit > tag > semver > branch
 * (the most specific wins), so a pinned commit overrides a branch during an incident.
 */
export const refSelector = z
  .object({
    branch: branchName.optional(),
    tag: tagName.optional(),
    semver: location(255).optional().describe("a semver range over tags, e.g. '>=1.2.0 <2'"),
    prefix: tagPrefix.optional().describe("tag prefix for semver, e.g. 'host-a/'"),
    commit: z.string().regex(/^[0-9a-f]{7,40}$/, "must be a hex commit id").optional(),
  })
  .refine((r) => r.branch || r.tag || r.semver || r.commit, "name at least one of branch, tag, semver, commit");
export type RefSelector = z.infer<typeof refSelector>;

export const verifyPolicy = z.object({
  mode: z.enum(["tag", "head", "tag-and-head"]),
  /** SSH signatures: an allowed-signers file (path on the host). */
  allowed_signers: location(1000).optional(),
  /** GPG signatures: a keyring directory (GNUPGHOME) on the host. */
  gpg_home: location(1000).optional(),
});
export type VerifyPolicy = z.infer<typeof verifyPolicy>;

export const sourceSpec = z.object({
  /** A local path to a bare repo, file://, git://, http(s)://, ssh:// or user@host:path. */
  url: location(1000),
  ref: refSelector.default({ branch: "main" }),
  verify: verifyPolicy.optional(),
  /** Name of a host-local secret (a file in secrets_dir) holding credentials for the URL. */
  credentials: z.string().regex(/^[A-Za-z0-9._-]+$/).optional(),
  /** Seconds between polls of a remote origin; local bare repos are watched instead. */
  interval: z.number().int().min(10).max(86_400).optional(),
});
export type SourceSpec = z.infer<typeof sourceSpec>;
