// The repos a verified webhook request names; nothing else of the payload is used or trusted.
// Push payload shapes: GitHub's "push" event docs and Gitea's modules/structs (PushPayload with
// `repository` of type Repository: clone_url, ssh_url, html_url, full_name); Forgejo keeps Gitea's.
import type { Forge } from "./webhook-sign.js";

export type PayloadResult = { ok: true; repos: string[] } | { ok: false; reason: string };

/** The fields of a forge's `repository` object that can name an agent's source. */
const REPO_FIELDS = ["clone_url", "ssh_url", "html_url", "full_name"] as const;
const MAX_REPO_CHARS = 2048;

function isRepoName(v: unknown): v is string {
  return typeof v === "string" && v.length > 0 && v.length <= MAX_REPO_CHARS && !/[\u0000-\u001f\u007f]/.test(v);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** GitHub may send `application/x-www-form-urlencoded` with the JSON in the `payload` field. */
function payloadText(body: Buffer, contentType: string | undefined): string {
  const text = body.toString("utf8");
  if ((contentType ?? "").split(";")[0]?.trim().toLowerCase() === "application/x-www-form-urlencoded") {
    return new URLSearchParams(text).get("payload") ?? "";
  }
  return text;
}

/** Reads the repo names out of `body` (pure). */
export function reposOfPayload(forge: Forge, body: Buffer, contentType: string | undefined): PayloadResult {
  const data = parseJson(payloadText(body, contentType));
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { ok: false, reason: "the body is not a JSON object" };
  if (forge === "soulsync") {
    const repo = (data as { repo?: unknown }).repo;
    return isRepoName(repo) ? { ok: true, repos: [repo] } : { ok: false, reason: 'no "repo" string in the body' };
  }
  const repository = (data as { repository?: unknown }).repository;
  if (repository === null || typeof repository !== "object") return { ok: false, reason: 'no "repository" object in the payload' };
  const names = REPO_FIELDS.map((f) => (repository as Record<string, unknown>)[f]).filter(isRepoName);
  return names.length > 0 ? { ok: true, repos: [...new Set(names)] } : { ok: false, reason: "the repository has no clone_url, ssh_url, html_url or full_name" };
}
