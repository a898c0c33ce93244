// soulsync validate [DIR] | --repo R --rev REV
import type { Command } from "commander";
import { usageError } from "../../core/errors.js";
import type { CliContext } from "../context.js";

export interface ValidateOptions {
  repo?: string;
  rev?: string;
  json?: boolean;
}

export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command("validate")
    .summary("check a soul repo against Layered Soul v1")
    .description(
      "Check a soul repo against the Layered Soul v1 contract: manifest schema, core files,\n" +
        "front matter, skills, curated memories, symlinks, forbidden files, sizes and harness budgets.\n" +
        "Reads a directory, or with --repo/--rev the tree of one commit (no checkout).",
    )
    .argument("[dir]", "soul repo directory", ".")
    .option("--repo <path>", "git repository (bare or not) to read from instead of a directory")
    .option("--rev <rev>", "branch, tag or commit to read with --repo", "HEAD")
    .option("--json", "print {ok, errors, warnings} as JSON")
    .addHelpText("after", "\nExamples:\n  soulsync validate examples/souls/atlas\n  soulsync validate --repo /srv/git/atlas-soul.git --rev v1.4.0 --json")
    .action((dir: string, opts: ValidateOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        if (opts.rev !== "HEAD" && !opts.repo) throw usageError("E_USAGE", "--rev needs --repo");
        const { runValidate } = await import("./validate.run.js");
        return runValidate(ctx.o, dir, opts);
      }),
    );
}
