// File-level rules: core files present, sizes, symlinks inside the repo, no lock files,
// caches or raw chat logs, no submodules or special files.
import { posix } from "node:path";
import { errorAt, type Problem } from "../../core/problem.js";
import { CORE_FILES, OPTIONAL_FILES, type SoulLimits } from "../limits.js";
import type { SoulTree, TreeEntry } from "../tree/types.js";

const LOCK_FILES = new Set([
  "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb",
  "cargo.lock", "poetry.lock", "pipfile.lock", "gemfile.lock", "composer.lock", "uv.lock", "flake.lock",
]);
const CACHE_DIRS = new Set([
  "node_modules", "__pycache__", ".cache", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".venv",
  "venv", ".tox", ".next", ".turbo", ".parcel-cache", ".gradle", ".idea", ".vscode",
]);
const CACHE_FILES = new Set([".ds_store", "thumbs.db", "desktop.ini"]);
const CHAT_DIRS = new Set(["transcripts", "conversations", "chats", "chat-logs", "chat_logs", "chatlogs", "sessions", "logs"]);

const TYPE_NAMES: Record<TreeEntry["type"], string> = {
  file: "a file", dir: "a directory", symlink: "a symlink", submodule: "a submodule", other: "a special file (FIFO, socket or device)", badname: "a file with a name that is not UTF-8",
};

/** Why a path may not be in a soul repo, or undefined when it may. */
export function forbiddenReason(path: string): string | undefined {
  const parts = path.toLowerCase().split("/");
  const base = parts[parts.length - 1] ?? "";
  const dirs = parts.slice(0, -1);
  if (LOCK_FILES.has(base) || base.endsWith(".lock") || base.endsWith(".lck") || base.startsWith(".~lock.")) {
    return "lock files do not belong in a soul repo";
  }
  const cacheDir = dirs.find((d) => CACHE_DIRS.has(d));
  if (cacheDir) return `cache directory ${cacheDir}/ does not belong in a soul repo`;
  if (CACHE_FILES.has(base) || base.endsWith(".pyc") || base.endsWith(".swp") || base.endsWith("~")) {
    return "editor and OS cache files do not belong in a soul repo";
  }
  if (/\.(jsonl|ndjson|log)$/.test(base)) return "raw chat logs and log files do not belong in a soul repo";
  const chatDir = dirs.find((d) => CHAT_DIRS.has(d));
  if (chatDir) return `raw chat logs (${chatDir}/) do not belong in a soul repo; curate them into memories/curated/`;
  return undefined;
}

/** True when a symlink at `path` pointing at `target` stays inside the repo. */
export function symlinkStaysInside(path: string, target: string): boolean {
  if (target === "" || posix.isAbsolute(target) || target.includes("\0") || /^[a-zA-Z]:[\\/]/.test(target)) return false;
  const resolved = posix.normalize(posix.join(posix.dirname(path), target.replace(/\\/g, "/")));
  return resolved !== ".." && !resolved.startsWith("../");
}

export function checkFiles(tree: SoulTree, limits: SoulLimits): Problem[] {
  const problems: Problem[] = [];
  const byPath = new Map<string, TreeEntry>(tree.entries.map((e) => [e.path, e]));
  for (const core of CORE_FILES) {
    const entry = byPath.get(core);
    if (!entry) problems.push(errorAt(core, "E_CORE_MISSING", `required file ${core} is missing`));
    else if (entry.type !== "file") problems.push(errorAt(core, "E_CORE_TYPE", `${core} must be a regular file, not ${TYPE_NAMES[entry.type]}`));
  }
  // An optional file the renderers copy must be a real file too (not a link to itself, not a folder).
  for (const name of OPTIONAL_FILES) {
    const entry = byPath.get(name);
    if (entry && entry.type !== "file") problems.push(errorAt(name, "E_CORE_TYPE", `${name} must be a regular file, not ${TYPE_NAMES[entry.type]}`));
  }
  let total = 0;
  let count = 0;
  for (const e of tree.entries) {
    if (e.type === "dir") continue;
    count++;
    const why = forbiddenReason(e.path);
    if (why) problems.push(errorAt(e.path, "E_FORBIDDEN_FILE", why));
    if (e.type === "symlink") {
      if (!symlinkStaysInside(e.path, e.target ?? "")) {
        problems.push(errorAt(e.path, "E_SYMLINK_ESCAPE", `symlink to ${JSON.stringify(e.target ?? "")} leads outside the repo`));
      }
    } else if (e.type === "submodule") {
      problems.push(errorAt(e.path, "E_SUBMODULE", "submodules are not allowed in a soul repo"));
    } else if (e.type === "badname") {
      problems.push(errorAt(e.path, "E_NAME_NOT_UTF8", "file name is not valid UTF-8 (bad bytes shown as \\xNN)"));
    } else if (e.type === "other") {
      problems.push(errorAt(e.path, "E_SPECIAL_FILE", "only regular files, directories and symlinks are allowed"));
    } else if (e.type === "file") {
      total += e.size;
      const limit = e.path === "manifest.json" ? limits.maxManifestBytes : limits.maxFileBytes;
      if (e.size > limit) {
        problems.push(errorAt(e.path, "E_FILE_TOO_LARGE", `file is ${e.size} bytes; the limit is ${limit}`));
      }
    }
  }
  if (total > limits.maxTotalBytes) {
    problems.push(errorAt(".", "E_REPO_TOO_LARGE", `files total ${total} bytes; the limit is ${limits.maxTotalBytes}`));
  }
  if (tree.stopped) {
    const what = { files: `more than ${limits.maxFiles} files`, dirs: `more than ${limits.maxFiles} directories`, depth: "directories nested too deep" }[tree.stopped.limit];
    problems.push(errorAt(".", tree.stopped.limit === "depth" ? "E_TREE_TOO_DEEP" : "E_TOO_MANY_FILES", `repo has ${what}; reading stopped at ${tree.stopped.at}`));
  } else if (count > limits.maxFiles) {
    problems.push(errorAt(".", "E_TOO_MANY_FILES", `repo has ${count} files; the limit is ${limits.maxFiles}`));
  }
  return problems;
}
