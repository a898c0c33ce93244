// The body of `soulsync scan`, loaded only when the command runs.
import { usageError } from "../../core/errors.js";
import { DEFAULT_MAX_BYTES, type Finding, type ScanInput, scanFiles } from "../../secrets/api.js";
import { loadAllowlist } from "../../secrets/load-allowlist.js";
import { readPaths } from "../../secrets/read-paths.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import type { Output } from "../output.js";
import type { ScanCommandOptions } from "./scan.js";

/** `file:line:col: E_SECRET rule (fingerprint) preview [commit]` — never the secret. */
export function formatFinding(f: Finding, o: Output): string {
  const where = o.colors.bold(`${f.file}:${f.line}:${f.column}`);
  const commit = f.commit && !f.file.startsWith("commit:") ? ` in ${f.commit.slice(0, 12)}` : "";
  return `${where}: ${o.colors.red("E_SECRET")} ${f.rule} (fingerprint ${f.fingerprint}) ${f.preview}${commit}`;
}

export function findingJson(f: Finding): Record<string, unknown> {
  const { file, line, column, rule, fingerprint, preview, commit } = f;
  return commit ? { file, line, column, rule, fingerprint, preview, commit } : { file, line, column, rule, fingerprint, preview };
}

export async function runScan(o: Output, paths: string[], opts: ScanCommandOptions): Promise<number> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const allow = await loadAllowlist(opts.allowlist, opts.config);
  let inputs: ScanInput[] = [];
  if (opts.rev !== undefined) {
    // git (and the process runner) only when a commit is scanned: a tree scan stays light.
    const { readCommitTree } = await import("../../secrets/read-git.js");
    inputs = await readCommitTree(opts.repo ?? ".", opts.rev, maxBytes);
  } else if (opts.range !== undefined) {
    const i = opts.range.indexOf("..");
    const [from, to] = [opts.range.slice(0, i), opts.range.slice(i + 2)];
    if (i <= 0 || to === "" || to.startsWith(".")) throw usageError("E_USAGE", "--range takes A..B");
    const { listCommits, readCommits } = await import("../../secrets/read-git.js");
    const commits = await listCommits(opts.repo ?? ".", from, to);
    inputs = await readCommits(opts.repo ?? ".", commits, maxBytes);
  } else {
    for (const p of paths) inputs.push(...(await readPaths(p, maxBytes)));
  }
  const result = scanFiles(inputs, { allow, maxBytes, inlineAllow: Boolean(opts.inlineAllow) });
  if (opts.json) {
    o.json({ findings: result.findings.map(findingJson), files: result.files, bytes: result.bytes });
  } else {
    for (const f of result.findings) o.out(formatFinding(f, o));
    const n = result.findings.length;
    const summary = `scanned ${result.files} file${result.files === 1 ? "" : "s"} (${result.bytes} bytes): ${n} finding${n === 1 ? "" : "s"}`;
    o.err(n === 0 ? o.colors.green(summary) : o.colors.red(summary));
  }
  return result.findings.length === 0 ? EXIT_OK : EXIT_FAILED;
}
