// soulsync sync [--agent NAME] [--force] [--config FILE] [--json]
import type { Command } from "commander";
import type { CliContext } from "../context.js";

export interface SyncOptions {
  agent?: string;
  force?: boolean;
  config?: string;
  json?: boolean;
}

export function registerSync(program: Command, ctx: CliContext): void {
  program
    .command("sync")
    .summary("one pass: fetch, verify, snapshot, validate, scan and publish every soul")
    .description(
      "Run one pass of the source side for the host repo and every agent's soul source:\n" +
        "fetch into a bare mirror (never pull), resolve the selected ref, verify signatures when the\n" +
        "source asks for it, export an immutable snapshot, validate and scan it, and publish it by\n" +
        "swapping <state_dir>/<agent>/soul/current. A refused revision is not retried until a new one\n" +
        "arrives (or --force); an unreachable origin backs off; the last good revision stays published.",
    )
    .option("--agent <name>", "only this agent's soul")
    .option("--force", "retry a refused revision, ignore backoff and fetch even when refs look unchanged")
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--json", "print {ok, sources, collected, cleaned} as JSON")
    .addHelpText(
      "after",
      "\nExit status: 0 every source Ready; 1 a revision was refused (validation, secret, signature,\n" +
        "missing ref); 2 an origin or the host failed (retried with backoff).\n\n" +
        "Examples:\n  soulsync sync\n  soulsync sync --agent atlas --force --json\n  soulsync sync --config ./soulsync.yaml",
    )
    .action((opts: SyncOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runSync } = await import("./sync.run.js");
        return runSync(ctx.o, opts);
      }),
    );
}
