// soulsync scan PATH... | --repo R --rev REV | --range A..B
import { type Command, Option } from "commander";
import { usageError } from "../../core/errors.js";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export interface ScanCommandOptions {
  repo?: string;
  rev?: string;
  range?: string;
  json?: boolean;
  allowlist?: string;
  config?: string;
  inlineAllow?: boolean;
  maxBytes?: number;
}

export function registerScan(program: Command, ctx: CliContext): void {
  manual(program.command("scan"), {
    exit: [
      [0, "no finding"],
      [1, "at least one finding"],
      [2, "usage error, an unreadable path, or not a git repository"],
    ],
    examples: ["soulsync scan examples/souls", "soulsync scan --repo /srv/git/atlas-soul.git --rev v1.4.0 --json", "soulsync scan --repo . --range v1.3.0..v1.4.0"],
  })
    .summary("scan files, a commit or a range of commits for secrets")
    .description(
      "Scan for secrets: files and directories, every file of one commit (--repo/--rev), or every " +
        "file each commit of a range touched, in full, and the commit messages (--range A..B). " +
        "Findings name file, line, column, rule and a fingerprint, never the secret. " +
        "Accepted findings go in a host-side allowlist of fingerprints (--allowlist, or " +
        "secrets_allowlist in the bootstrap file).",
    )
    .argument("[paths...]", "files or directories to scan")
    .option("--repo <path>", "git repository to read with --rev or --range (default: the current directory)")
    .option("--rev <rev>", "scan every file of this commit")
    .option("--range <A..B>", "scan the files each commit in A..B touched, and the commit messages")
    .option("--allowlist <file>", "fingerprints to accept, one a line (default: bootstrap secrets_allowlist)")
    .option("--config <file>", "bootstrap file (for secrets_allowlist)")
    .option("--inline-allow", "honour `soulsync:allow` markers in scanned files (off by default)")
    .addOption(new Option("--max-bytes <n>", "files larger than this are a finding (default 16 MiB)").argParser((v) => Number.parseInt(v, 10)))
    .option("--json", 'print {"findings": [...], "files": N, "bytes": N}')
    .action((paths: string[], opts: ScanCommandOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const modes = [paths.length > 0, opts.rev !== undefined, opts.range !== undefined].filter(Boolean).length;
        if (modes !== 1) throw usageError("E_USAGE", "give PATH..., or --rev REV, or --range A..B (one of them)");
        if (opts.repo && paths.length > 0) throw usageError("E_USAGE", "--repo goes with --rev or --range");
        if (opts.maxBytes !== undefined && !(opts.maxBytes > 0)) throw usageError("E_USAGE", "--max-bytes must be a positive number");
        const { runScan } = await import("./scan.run.js");
        return runScan(ctx.o, paths, opts);
      }),
    );
}
