// soulsync plan [--json] [--config FILE] [--host DIR] [--prune]
import type { Command } from "commander";
import type { CliContext } from "../context.js";

export interface ReconcileCliOptions {
  json?: boolean;
  config?: string;
  host?: string;
  prune?: boolean;
  yes?: boolean;
}

export function registerPlan(program: Command, ctx: CliContext): void {
  program
    .command("plan")
    .summary("show what apply would change on this host")
    .description(
      "Observe the host and print the actions that would make it match the host repo, step by step\n" +
        "(network, pf, jails, database, service), each with the exact command it runs. File writes\n" +
        "show their path and content hash; database actions their SQL. Nothing is changed.\n" +
        "An empty plan means the host is in sync.",
    )
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--host <dir>", "host repo directory (default: host_repo.path from the bootstrap)")
    .option("--prune", "also plan destroying jails soulsync created that the host repo no longer names")
    .option("--json", 'print {"version": 1, "actions": [{step, kind, summary, argv | path+hash | sql}], "warnings"}')
    .addHelpText("after", "\nExamples:\n  soulsync plan\n  soulsync plan --config /usr/local/etc/soulsync/soulsync.yaml --json")
    .action((opts: ReconcileCliOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runPlan } = await import("./plan.run.js");
        return runPlan(ctx.o, opts);
      }),
    );
}
