// Where a source lives: a local bare repo (the fast path) or a remote git transport.
import { isAbsolute, resolve } from "node:path";
import { inputError } from "../core/errors.js";
import { redactUrls } from "../core/redact.js";

export type OriginKind = "path" | "file" | "git" | "http" | "ssh";

export interface Origin {
  kind: OriginKind;
  /** What git is given: an absolute path for local origins, the URL otherwise. */
  url: string;
  /** The repository on this host's filesystem (path and file:// origins): refs can be read directly. */
  localPath?: string;
  /** For messages and status: credentials removed. */
  display: string;
}

const SCP_LIKE = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!\/\/)/;

/** Classifies a source URL (pure); refuses transports that run commands (ext::, fd::) and option-like values. */
export function parseOrigin(url: string, baseDir = "/"): Origin {
  const display = redactUrls(url);
  if (url.startsWith("-") || /[\0\n\r]/.test(url)) {
    throw inputError("E_SOURCE_URL", `source url ${JSON.stringify(display)} is not a repository address`, { url: display });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(url)) {
    throw inputError("E_SOURCE_URL_CREDENTIALS", `source url ${display} carries a password: name a host-local secret in "credentials" instead`, {
      url: display,
    });
  }
  if (url.startsWith("file://")) {
    const path = decodeURIComponent(new URL(url).pathname);
    return { kind: "file", url: path, localPath: path, display };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "git") return { kind: "git", url, display };
  if (scheme === "http" || scheme === "https") return { kind: "http", url, display };
  if (scheme === "ssh" || scheme === "git+ssh") return { kind: "ssh", url, display };
  if (scheme !== undefined || url.includes("::")) {
    throw inputError("E_SOURCE_URL", `source url ${display}: transport not supported (path, file, git, http(s), ssh)`, {
      url: display,
    });
  }
  if (SCP_LIKE.test(url)) return { kind: "ssh", url, display };
  const path = isAbsolute(url) ? url : resolve(baseDir, url);
  return { kind: "path", url: path, localPath: path, display: path };
}
