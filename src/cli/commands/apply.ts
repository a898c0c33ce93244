// soulsync apply [--yes] [--json] [--config FILE] [--host DIR] [--prune]
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";
import type { ReconcileCliOptions } from "./plan.js";

export function registerApply(program: Command, ctx: CliContext): void {
  manual(program.command("apply"), {
    exit: [
      [0, "every step succeeded, or nothing was to do"],
      [1, "the host repo is invalid; nothing was applied"],
      [2, "a step failed, or --yes is missing off a terminal"],
    ],
    examples: ["soulsync apply --yes", "soulsync apply --config ./soulsync.yaml --yes --json"],
  })
    .summary("make this host match the host repo")
    .description(
      "Reconcile the host step by step (network, pf, jails, database, service), each observed, planned and applied in turn, stopping at the first failure; a failed pf check or load puts the previous pf file back. " +
        "Records what soulsync created (its inventory) and the outcome in the state directory. Jails are destroyed only with --prune and only when soulsync created them; roles and databases are never dropped. " +
        "Asks for confirmation on a terminal unless --yes.",
    )
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--host <dir>", "host repo directory (default: host_repo.path from the bootstrap)")
    .option("--prune", "destroy jails soulsync created that the host repo no longer names")
    .option("-y, --yes", "do not ask for confirmation")
    .option("--json", "print the outcome as JSON")
    .action((opts: ReconcileCliOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runApply } = await import("./apply.run.js");
        return runApply(ctx.o, opts);
      }),
    );
}
