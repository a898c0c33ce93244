// soulsync apply [--yes] [--json] [--config FILE] [--host DIR] [--prune]
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import type { ReconcileCliOptions } from "./plan.js";

export function registerApply(program: Command, ctx: CliContext): void {
  program
    .command("apply")
    .summary("make this host match the host repo")
    .description(
      "Reconcile the host step by step — network, pf, jails, database, service — each observed,\n" +
        "planned and applied in turn, stopping at the first failure (a failed pf check or load puts\n" +
        "the previous pf file back). Records what soulsync created (inventory) and the outcome in\n" +
        "the state directory. Asks for confirmation on a terminal unless --yes.",
    )
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--host <dir>", "host repo directory (default: host_repo.path from the bootstrap)")
    .option("--prune", "destroy jails soulsync created that the host repo no longer names")
    .option("-y, --yes", "do not ask for confirmation")
    .option("--json", "print the outcome as JSON")
    .addHelpText("after", "\nExamples:\n  soulsync apply --yes\n  soulsync apply --config ./soulsync.yaml --yes --json")
    .action((opts: ReconcileCliOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runApply } = await import("./apply.run.js");
        return runApply(ctx.o, opts);
      }),
    );
}
