// soulsync status [--config FILE] [--json]
import type { Command } from "commander";
import type { CliContext } from "../context.js";

export interface StatusOptions {
  config?: string;
  json?: boolean;
}

export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command("status")
    .summary("show each source's condition, revisions and recent runs")
    .description(
      "Print the status the last sync wrote (<state_dir>/status.json): per agent and source the\n" +
        "condition (Ready | Reconciling | Stalled) with its reason, the last attempted and applied\n" +
        "revision, a refused revision, a rollback hold, backoff, and a short history of runs.",
    )
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--json", "print the status document as JSON")
    .addHelpText("after", "\nExamples:\n  soulsync status\n  soulsync status --json")
    .action((opts: StatusOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runStatus } = await import("./status.run.js");
        return runStatus(ctx.o, opts);
      }),
    );
}
