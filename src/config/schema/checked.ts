// zod strings checked where they enter: git ref names by git's rules, URLs and host paths
// without control characters or a leading "-", agent directories away from system places.
// Messages describe the problem and never quote the value.
import * as z from "zod";
import { locationProblem } from "../../untrusted/display-text.js";
import { shortRefProblem } from "../../untrusted/ref-name.js";

const check = (problem: (v: string) => string | undefined, what: string) => (v: string, ctx: z.RefinementCtx) => {
  const why = problem(v);
  if (why) ctx.addIssue({ code: "custom", message: `${what} ${why}` });
};

export const branchName = z.string().min(1).max(255).superRefine(check((v) => shortRefProblem(v, "heads"), "not a valid git branch name: it"));
export const tagName = z.string().min(1).max(255).superRefine(check((v) => shortRefProblem(v, "tags"), "not a valid git tag name: it"));
/** A tag prefix is valid when a tag `<prefix>1.0.0` would be. */
export const tagPrefix = z.string().max(100).superRefine(check((v) => (v === "" ? undefined : shortRefProblem(`${v}1.0.0`, "tags")), "not a usable tag prefix: it"));
export const location = (max: number) => z.string().min(1).max(max).superRefine(check(locationProblem, "it"));

/** Directories an agent's home or project may not be, nor be inside. */
const SYSTEM_TREES = [
  "/bin", "/boot", "/dev", "/etc", "/lib", "/libexec", "/proc", "/rescue", "/sbin", "/sys", "/root",
  "/usr/bin", "/usr/include", "/usr/lib", "/usr/lib32", "/usr/libexec", "/usr/sbin", "/usr/share", "/usr/src",
  "/usr/local/bin", "/usr/local/etc", "/usr/local/lib", "/usr/local/libexec", "/usr/local/sbin", "/usr/local/share",
  "/var/db", "/var/run", "/var/log", "/var/cron", "/var/mail",
];
/** Directories that hold other people's files: not one agent's, though an agent may live below them. */
const SHARED_DIRS = ["/", "/home", "/usr", "/usr/home", "/usr/local", "/var", "/tmp", "/var/tmp", "/opt", "/srv", "/mnt", "/media", "/net"];

/** Why an absolute path is no place for one agent's files, or undefined. */
export function agentDirProblem(path: string): string | undefined {
  if (path.split("/").some((s) => s === "." || s === "..")) return "has . or .. components";
  const norm = path.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
  if (SHARED_DIRS.includes(norm)) return `is ${norm}, shared by the whole system; name a directory of the agent's own`;
  const sys = SYSTEM_TREES.find((d) => norm === d || norm.startsWith(`${d}/`));
  if (sys) return `is inside ${sys}, a system directory`;
  return undefined;
}

export const agentDir = z
  .string()
  .regex(/^\/[A-Za-z0-9._/@+-]*$/, "must be an absolute path of safe characters")
  .superRefine(check(agentDirProblem, "it"));
