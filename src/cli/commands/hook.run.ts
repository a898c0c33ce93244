// The bodies of `soulsync hook …`, loaded only when the command runs.
import { existsSync } from "node:fs";
import { chmod, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { environmentError, inputError } from "../../core/errors.js";
import { packageFile } from "../../core/package-root.js";
import type { ScanInput } from "../../secrets/api.js";
import { parseRefUpdates } from "../../secrets/ref-updates.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import type { Output } from "../output.js";
import type { HookOptions } from "./hook.js";
import { formatProblem } from "../output.js";

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function runPreReceive(o: Output, opts: HookOptions): Promise<number> {
  // The scanner and git are loaded here, not at the top: post-receive and install need neither.
  // The soul validator (zod and every schema) only with --soul.
  const [{ DEFAULT_MAX_BYTES, scanFiles }, { listPushCommits, readCommits, readTagMessages }, { loadAllowlist }, { formatFinding }] = await Promise.all([
    import("../../secrets/api.js"),
    import("../../secrets/read-git.js"),
    import("../../secrets/load-allowlist.js"),
    import("./scan.run.js"),
  ]);
  const updates = parseRefUpdates(await readStdin());
  const allow = await loadAllowlist(opts.allowlist, opts.config);
  // Linear in the push: one rev-list, one diff-tree and two cat-file calls whatever the number of
  // ref lines, and each commit and object read and scanned once (1,000 refs naming one commit used
  // to cost 2,000 git processes).
  const commits = await listPushCommits(undefined, updates);
  const live = updates.filter((u) => !u.deleted).map((u) => u.new);
  const inputs: ScanInput[] = [...(await readCommits(undefined, commits, DEFAULT_MAX_BYTES)), ...(await readTagMessages(undefined, live))];
  const result = scanFiles(inputs, { allow });
  // --soul: the origin of a soul repo also refuses a tip that validate would refuse.
  const invalid = opts.soul ? await (await import("../../soul/push.js")).validatePushedSouls(undefined, updates) : [];
  if (invalid.length > 0) {
    o.err(o.colors.red(`soulsync: push refused: ${invalid.length} problem(s) in the soul`));
    for (const p of invalid) o.err(formatProblem(p, o.colors));
  }
  if (result.findings.length === 0) return invalid.length > 0 ? EXIT_FAILED : EXIT_OK;
  o.err(o.colors.red(`soulsync: push refused: ${result.findings.length} secret finding(s)`));
  for (const f of result.findings) o.err(formatFinding(f, o));
  o.err("Remove the secret from history (amend or rebase), or ask the operator to allowlist the fingerprint on the host.");
  return EXIT_FAILED;
}

const MARKER = "# installed by soulsync";

/** A hook script that runs this soulsync with this node, whatever PATH the git server has. */
function hookScript(name: string, opts: HookOptions): string {
  const bin = packageFile("bin/soulsync.js");
  const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
  const args = [process.execPath, bin, "hook", name];
  if (name === "pre-receive" && opts.allowlist) args.push("--allowlist", resolve(opts.allowlist));
  if (name === "pre-receive" && opts.config) args.push("--config", resolve(opts.config));
  if (name === "pre-receive" && opts.soul) args.push("--soul");
  if (name === "post-receive") {
    if (opts.notify) args.push("--notify", opts.notify);
    if (opts.keyFile) args.push("--key-file", resolve(opts.keyFile));
    if (opts.socket) args.push("--socket", resolve(opts.socket));
    if (opts.config) args.push("--config", resolve(opts.config));
  }
  return `#!/bin/sh\n${MARKER}\nexec ${args.map(q).join(" ")}\n`;
}

export async function runInstall(o: Output, repo: string, opts: HookOptions): Promise<number> {
  const gitdir = existsSync(join(repo, ".git")) ? join(repo, ".git") : repo;
  if (!existsSync(join(gitdir, "HEAD")) || !existsSync(join(gitdir, "objects"))) {
    throw inputError("E_GIT_REPO", `${repo} is not a git repository`, { repo });
  }
  const installed: string[] = [];
  for (const name of ["pre-receive", "post-receive"]) {
    const path = join(gitdir, "hooks", name);
    const current = await readFile(path, "utf8").catch(() => undefined);
    if (current !== undefined && !current.includes(MARKER) && !opts.force) {
      throw inputError("E_HOOK_EXISTS", `${path} exists and was not written by soulsync (use --force to replace it)`, { path });
    }
    await writeFile(path, hookScript(name, opts)).catch((e: NodeJS.ErrnoException) => {
      throw environmentError("E_HOOK_WRITE", `cannot write ${path}: ${e.code ?? e.message}`, { path });
    });
    await chmod(path, 0o755);
    installed.push(path);
  }
  if (opts.json) o.json({ installed });
  else for (const p of installed) o.out(`installed ${p}`);
  return EXIT_OK;
}
