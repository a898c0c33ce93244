// soulsync plan [--json] [--config FILE] [--host DIR] [--prune]
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export interface ReconcileCliOptions {
  json?: boolean;
  config?: string;
  host?: string;
  prune?: boolean;
  yes?: boolean;
}

export function registerPlan(program: Command, ctx: CliContext): void {
  manual(program.command("plan"), {
    exit: [
      [0, "the plan was printed (empty when the host is in sync)"],
      [1, "the host repo is invalid"],
      [2, "the host could not be observed, or a usage error"],
    ],
    examples: ["soulsync plan", "soulsync plan --config /usr/local/etc/soulsync/soulsync.yaml --json"],
  })
    .summary("show what apply would change on this host")
    .description(
      "Observe the host and print the actions that would make it match the host repo, step by step (network, pf, jails, database, service), each with the exact command it runs. " +
        "File writes show their path and content hash, database actions their SQL. Warnings name what soulsync will not change (a pf.conf without the include line, a jail whose IP drifted). " +
        "Nothing is changed; an empty plan means the host is in sync.",
    )
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--host <dir>", "host repo directory (default: host_repo.path from the bootstrap)")
    .option("--prune", "also plan destroying jails soulsync created that the host repo no longer names")
    .option("--json", 'print {"version": 1, "actions": [{step, kind, summary, argv | path+hash | sql}], "warnings"}')
    .action((opts: ReconcileCliOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runPlan } = await import("./plan.run.js");
        return runPlan(ctx.o, opts);
      }),
    );
}
