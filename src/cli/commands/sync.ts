// soulsync sync [--agent NAME] [--force] [--config FILE] [--json]
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export interface SyncOptions {
  agent?: string;
  force?: boolean;
  config?: string;
  json?: boolean;
}

export function registerSync(program: Command, ctx: CliContext): void {
  manual(program.command("sync"), {
    exit: [
      [0, "every source is Ready and the host steps succeeded"],
      [1, "a revision was refused (validation, secret, signature, missing ref) or the host repo has errors"],
      [2, "an origin, the database or a host step failed (retried with backoff)"],
    ],
    examples: ["soulsync sync", "soulsync sync --agent atlas --force --json", "soulsync sync --config ./soulsync.yaml"],
  })
    .summary("one pass of the pipeline: fetch, validate, publish, reconcile, import, render")
    .description(
      "Run one pass of the pipeline for the host repo and every agent's soul (or one agent's): fetch each source into a bare mirror (never pull), select the ref, verify signatures when the source asks for it, export a snapshot, validate it and scan it for secrets, and publish it by swapping a symlink; " +
        "then reconcile the host (network, pf, jails, database), import the soul's memories and skills into the brain, render it for the agent's harnesses and start or restart the agent's service. " +
        "Each step runs only when its inputs changed; the bootstrap file's steps: chooses which run. A refused revision is not retried until a new one arrives (or --force); an unreachable origin backs off; the last good revision stays published.",
    )
    .option("--agent <name>", "only this agent's soul")
    .option("--force", "retry a refused revision, ignore backoff and fetch even when refs look unchanged")
    .option("--config <file>", "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--json", "print {ok, host, sources, service, collected, cleaned} as JSON")
    .action((opts: SyncOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runSync } = await import("./sync.run.js");
        return runSync(ctx.o, opts);
      }),
    );
}
