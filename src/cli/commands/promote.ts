// soulsync promote VERSION [--repo DIR] [--prefix P] [--sign] [--push]
import type { Command } from "commander";
import type { PromoteRequest } from "../../git/promote.js";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

/** The request `promote` makes, without the version (an argument), plus output. */
export type PromoteOptions = Omit<PromoteRequest, "version"> & { json?: boolean };

export function registerPromote(program: Command, ctx: CliContext): void {
  manual(program.command("promote"), {
    exit: [
      [0, "the tag was created (and pushed with --push)"],
      [1, "HEAD does not validate or scan clean, or VERSION is not newer than the latest tag"],
      [2, "usage error (not a semver version, a bad prefix), or git failed"],
    ],
    examples: ["soulsync promote 1.4.0 --repo ~/souls/atlas", "soulsync promote 2.0.0 --prefix host-a/ --sign --push -m \"atlas: new voice\""],
  })
    .summary("tag HEAD of a soul repo as a release after it validates and scans clean")
    .description(
      "Validate HEAD of a soul repo and scan it for secrets, refuse VERSION unless it is greater than the latest version tag under PREFIX, and create the annotated tag PREFIX + v + VERSION: 1.4.0 and v1.4.0 both make the tag v1.4.0 (host-a/v1.4.0 with --prefix host-a/). " +
        "--sign signs it with git's own signing configuration; --push pushes it to the remote.",
    )
    .argument("<version>", "semver version, e.g. 1.4.0 or v1.4.0")
    .option("--repo <dir>", "the soul repo (with a worktree)", ".")
    .option("--prefix <p>", "tag prefix, e.g. host-a/", "")
    .option("--sign", "sign the tag (git tag --sign: gpg or ssh per git's gpg.format and user.signingkey)")
    .option("--push", "push the tag to the remote")
    .option("--remote <name>", "remote for --push", "origin")
    .option("--allowlist <file>", "accepted secret fingerprints, one a line (default: none)")
    .option("-m, --message <text>", "tag message (default: soulsync promote TAG)")
    .option("--json", "print {ok, tag, commit, previous, signed, pushed, warnings} as JSON")
    .action((version: string, opts: PromoteOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runPromote } = await import("./promote.run.js");
        return runPromote(ctx.o, version, opts);
      }),
    );
}
