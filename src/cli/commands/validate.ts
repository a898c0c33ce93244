// soulsync validate [DIR] | --repo R --rev REV
import type { Command } from "commander";
import { usageError } from "../../core/errors.js";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export interface ValidateOptions {
  repo?: string;
  rev?: string;
  json?: boolean;
}

export function registerValidate(program: Command, ctx: CliContext): void {
  manual(program.command("validate"), {
    exit: [
      [0, "the soul is valid (warnings allowed)"],
      [1, "the soul has errors, or carries a secret"],
      [2, "usage error, or the directory or revision cannot be read"],
    ],
    examples: ["soulsync validate examples/souls/atlas", "soulsync validate --repo /srv/git/atlas-soul.git --rev v1.4.0 --json"],
  })
    .summary("check a soul repo against Layered Soul v1")
    .description(
      "Check a soul repo against the Layered Soul v1 contract: the manifest schema, core files, front matter, skills, curated memories, symlinks, forbidden files, sizes and harness budgets, and scan every file for secrets. " +
        "Every problem is reported at once with file, line and column. Reads a directory, or with --repo and --rev the tree of one commit (no checkout).",
    )
    .argument("[dir]", "soul repo directory", ".")
    .option("--repo <path>", "git repository (bare or not) to read from instead of a directory")
    .option("--rev <rev>", "branch, tag or commit to read with --repo", "HEAD")
    .option("--json", "print {ok, errors, warnings} as JSON")
    .action((dir: string, opts: ValidateOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        if (opts.rev !== "HEAD" && !opts.repo) throw usageError("E_USAGE", "--rev needs --repo");
        const { runValidate } = await import("./validate.run.js");
        return runValidate(ctx.o, dir, opts);
      }),
    );
}
