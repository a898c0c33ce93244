// soulsync status [--config FILE] [--json]
import type { Command } from "commander";
import type { CliContext } from "../context.js";

export interface StatusOptions {
  config?: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command("status")
    .summary("show each source's condition, revisions and recent runs")
    .description(
      "Print, per agent and source, the condition (Ready | Reconciling | Stalled) with its reason, the\n" +
        "live revision (what the agent's service runs), the published and the last attempted one, a\n" +
        "refused revision, a rollback hold, backoff, the last run and a short history. A running daemon\n" +
        "answers over its socket (and says what is running and queued); else <state_dir>/status.json.",
    )
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--json", "print the status document as JSON")
    .option("--quiet", "print only what is wrong (Stalled sources)")
    .addHelpText(
      "after",
      "\nExit status: 0 every source Ready or Reconciling; 1 a source is Stalled (monitoring reads this).\n\n" +
        "Examples:\n  soulsync status\n  soulsync status --json\n  soulsync status --quiet || alert",
    )
    .action((opts: StatusOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runStatus } = await import("./status.run.js");
        return runStatus(ctx.o, opts);
      }),
    );
}
