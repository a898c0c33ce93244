// Which agents a trigger names (pure): a push notice names a repository by path, URL or a forge's
// "owner/name"; only the agents whose soul comes from it run, and every agent when it is the host repo.
import { isAbsolute, resolve } from "node:path";

/** A comparable form of a repository address: a local path, or host/path of a URL, without .git. */
export function repoKey(address: string, baseDir = "/"): string {
  const a = address.trim();
  const strip = (p: string) => p.replace(/\/+$/, "").replace(/\.git$/, "").replace(/\/+$/, "");
  if (a.startsWith("file://")) return strip(decodeURIComponent(a.slice("file://".length)));
  if (isAbsolute(a) || a.startsWith(".")) return strip(resolve(baseDir, a));
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:]+)(?::\d+)?(\/.*)?$/i.exec(a);
  if (url) return strip(`${url[1]!.toLowerCase()}${url[2] ?? ""}`);
  const scp = /^(?:[^@/]+@)?([^/:]+):(.+)$/.exec(a);
  if (scp) return strip(`${scp[1]!.toLowerCase()}/${scp[2]!.replace(/^\/+/, "")}`);
  // Anything else is a path, as the source reads it: relative to the bootstrap file.
  return strip(resolve(baseDir, a));
}

/** True when `named` (a key or a forge's owner/name) names the repository whose key is `key`. */
export function namesRepo(named: string, key: string): boolean {
  if (named === key) return true;
  // A forge's full_name ("owner/name") has no host: it names any address that ends with it.
  return !named.startsWith("/") && named.includes("/") && !named.includes(":") && key.toLowerCase().endsWith(`/${named.toLowerCase()}`);
}

export interface WatchedRepo {
  agent: string;
  url: string;
  baseDir?: string;
}

/** The agents whose repository any of `repos` names. */
export function agentsForRepos(repos: readonly string[], watched: readonly WatchedRepo[]): string[] {
  const named = repos.map((r) => (r.includes("://") || r.startsWith("/") || r.startsWith(".") || /^[^/]+:/.test(r) ? repoKey(r) : r.replace(/\.git$/, "")));
  const out = new Set<string>();
  for (const w of watched) {
    const key = repoKey(w.url, w.baseDir);
    if (named.some((n) => namesRepo(n, key))) out.add(w.agent);
  }
  return [...out];
}
