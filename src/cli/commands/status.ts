// soulsync status [--config FILE] [--json]
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export interface StatusOptions {
  config?: string;
  json?: boolean;
}

export function registerStatus(program: Command, ctx: CliContext): void {
  manual(program.command("status"), {
    exit: [
      [0, "the status was printed"],
      [2, "the bootstrap file or the status file cannot be read"],
    ],
    examples: ["soulsync status", "soulsync status --config /usr/local/etc/soulsync/soulsync.yaml --json"],
  })
    .summary("show each source's condition, revisions and recent runs")
    .description(
      "Print the status the last sync or rollback wrote (<state_dir>/status.json): per agent and source the condition (Ready, Reconciling or Stalled) with its reason, the last attempted and applied revision, a refused revision, a rollback hold, backoff, and a short history of runs.",
    )
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--json", "print the status document as JSON")
    .action((opts: StatusOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runStatus } = await import("./status.run.js");
        return runStatus(ctx.o, opts);
      }),
    );
}
