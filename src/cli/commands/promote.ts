// soulsync promote VERSION [--repo DIR] [--prefix P] [--sign] [--push]
import type { Command } from "commander";
import type { PromoteRequest } from "../../git/promote.js";
import type { CliContext } from "../context.js";

/** The request `promote` makes, without the version (an argument), plus output. */
export type PromoteOptions = Omit<PromoteRequest, "version"> & { json?: boolean };

export function registerPromote(program: Command, ctx: CliContext): void {
  program
    .command("promote")
    .summary("tag HEAD of a soul repo as a release after it validates and scans clean")
    .description(
      "Validate and scan HEAD of a soul repo, refuse VERSION unless it is greater than the latest\n" +
        "version tag under PREFIX, and create the annotated tag PREFIX+VERSION (signed with --sign,\n" +
        "using git's own signing configuration). --push pushes the tag to the remote.",
    )
    .argument("<version>", "semver version, e.g. 1.4.0 or v1.4.0")
    .option("--repo <dir>", "the soul repo (with a worktree)", ".")
    .option("--prefix <p>", "tag prefix, e.g. host-a/", "")
    .option("--sign", "sign the tag (git tag --sign: gpg or ssh per git's gpg.format and user.signingkey)")
    .option("--push", "push the tag to the remote")
    .option("--remote <name>", "remote for --push", "origin")
    .option("--allowlist <file>", "accepted secret fingerprints, one a line")
    .option("-m, --message <text>", "tag message (default: soulsync promote TAG)")
    .option("--json", "print {ok, tag, commit, previous, signed, pushed} as JSON")
    .addHelpText(
      "after",
      "\nExit status: 0 tagged; 1 HEAD does not validate or scan clean, or VERSION is not newer; 2 usage or git error.\n\n" +
        "Examples:\n  soulsync promote 1.4.0 --repo ~/souls/atlas\n  soulsync promote v2.0.0 --prefix host-a/ --sign --push",
    )
    .action((version: string, opts: PromoteOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runPromote } = await import("./promote.run.js");
        return runPromote(ctx.o, version, opts);
      }),
    );
}
