// soulsync status [--config FILE] [--json]
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export interface StatusOptions {
  config?: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerStatus(program: Command, ctx: CliContext): void {
  manual(program.command("status"), {
    exit: [
      [0, "every source is Ready or Reconciling"],
      [1, "a source is Stalled (monitoring reads this)"],
      [2, "the bootstrap file or the status file cannot be read"],
    ],
    examples: ["soulsync status", "soulsync status --config /usr/local/etc/soulsync/soulsync.yaml --json", "soulsync status --quiet || alert"],
  })
    .summary("show each source's condition, revisions and recent runs")
    .description(
      "Print, per agent and source, the condition (Ready, Reconciling or Stalled) with its reason, the live revision (what the agent's service runs), the published and the last attempted one, a refused revision, a rollback hold, backoff, the last run and a short history. A running daemon answers over its socket and says what is running and queued; else <state_dir>/status.json.",
    )
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--json", "print the status document as JSON")
    .option("--quiet", "print only what is wrong (Stalled sources)")
    .action((opts: StatusOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runStatus } = await import("./status.run.js");
        return runStatus(ctx.o, opts);
      }),
    );
}
