// Signature verification with git's own verify-tag / verify-commit, against only the keys the host
// trusts: the source's allowed-signers file (SSH) and keyring (GPG). Never the user's own keyring.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { VerifyPolicy } from "../config/schema/source.js";
import { inputError } from "../core/errors.js";
import { git } from "./git-run.js";
import type { Selection } from "./select.js";

export interface Verified {
  /** git's "Good signature" lines, for status. */
  signers: string[];
}

/** Checks `policy` for the selected ref and commit; throws E_VERIFY_UNSIGNED / E_VERIFY_UNTRUSTED / E_VERIFY_NO_TAG. */
export async function verifyRevision(stateDir: string, mirror: string, policy: VerifyPolicy, sel: Selection, commit: string): Promise<Verified> {
  // With no keyring configured, an empty one: a key in the operator's ~/.gnupg proves nothing here.
  const gnupgHome = policy.gpg_home ?? join(stateDir, "gnupg-empty");
  if (!policy.gpg_home) await mkdir(gnupgHome, { recursive: true, mode: 0o700 });
  const call = {
    gitDir: mirror,
    env: { GNUPGHOME: gnupgHome },
    config: [["gpg.ssh.allowedSignersFile", policy.allowed_signers ?? "/dev/null"]] as [string, string][],
    reject: false,
  };
  const signers: string[] = [];
  if (policy.mode === "tag" || policy.mode === "tag-and-head") {
    if (!sel.isTag) {
      throw inputError("E_VERIFY_NO_TAG", `verify mode "${policy.mode}" needs a tag or semver selector, but ${sel.kind} ${sel.ref} was selected`, {
        ref: sel.ref,
      });
    }
    const r = await git(["verify-tag", "--end-of-options", sel.oid], call);
    signers.push(...check(r.exitCode, r.stderr, `tag ${sel.ref}`));
  }
  if (policy.mode === "head" || policy.mode === "tag-and-head") {
    const r = await git(["verify-commit", "--end-of-options", commit], call);
    signers.push(...check(r.exitCode, r.stderr, `commit ${commit.slice(0, 12)}`));
  }
  return { signers };
}

function check(exitCode: number, stderr: string, what: string): string[] {
  const good = stderr.split("\n").filter((l) => /Good .*signature/i.test(l)).map((l) => l.replace(/^gpg: /, "").trim());
  if (exitCode === 0 && good.length > 0) return good;
  if (/no signature found|non-tag object|cannot verify a non-tag/i.test(stderr) || stderr.trim() === "") {
    throw inputError("E_VERIFY_UNSIGNED", `${what} is not signed`, { what });
  }
  const why = stderr.trim().split("\n").filter(Boolean).slice(-1)[0] ?? "";
  throw inputError("E_VERIFY_UNTRUSTED", `${what} is not signed by a trusted key: ${why.replace(/^(gpg|error): /, "")}`, { what });
}
