// soulsync rollback --agent NAME [--to REV] [--config FILE] [--json]
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export interface RollbackOptions {
  agent: string;
  to?: string;
  config?: string;
  json?: boolean;
}

export function registerRollback(program: Command, ctx: CliContext): void {
  manual(program.command("rollback"), {
    exit: [
      [0, "the revision is published and held"],
      [1, "no such agent, or no kept revision matches --to"],
      [2, "usage error, or the state directory cannot be read or written"],
    ],
    examples: ["soulsync rollback --agent atlas", "soulsync rollback --agent atlas --to v1.3.0 --json"],
  })
    .summary("republish a kept revision and hold it until a newer one arrives")
    .description(
      "Publish one of the agent's kept snapshots again (default: the newest one before the published revision), run the steps after publish for it, and hold it: sync leaves it published until the origin selects a revision other than the one rolled back from.",
    )
    .requiredOption("--agent <name>", "the agent whose soul to roll back")
    .option("--to <rev>", "a kept revision: <ref>@sha1:<commit>, a commit (prefix) or a ref name")
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--json", "print {agent, source, revision, commit, from} as JSON")
    .action((opts: RollbackOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runRollback } = await import("./rollback.run.js");
        return runRollback(ctx.o, opts);
      }),
    );
}
