// Fingerprints and previews: how a finding names a secret without containing it.
import { createHash } from "node:crypto";

/**
 * A stable key for the host allowlist: a hash of the rule and the secret, truncated to 96 bits
 * so the fingerprint is unique in practice but gives little to a dictionary attack.
 */
export function fingerprintOf(rule: string, secret: string): string {
  return createHash("sha256").update(`soulsync-secret-v1\0${rule}\0${secret}`).digest("hex").slice(0, 24);
}

/** At most a short, non-secret prefix and the length: "ghp_… (40 chars)". */
export function previewOf(secret: string): string {
  const prefix = /^(?:[a-z]{2,8}[_-](?:[a-z]{2,8}[_-])?|[A-Z]{4}|eyJ|AIza|SG\.|xox[a-z]-|hv[sb]\.)/.exec(secret)?.[0];
  const shown = secret.length >= 20 && prefix ? prefix : "";
  return `${shown}… (${secret.length} chars)`;
}
