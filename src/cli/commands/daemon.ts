// soulsync daemon [--config FILE] [--json] [--verbose]  ·  soulsync demo [--state DIR] [--reset]
import type { Command } from "commander";
import type { CliContext } from "../context.js";

export interface DaemonOptions {
  config?: string;
  json?: boolean;
  verbose?: boolean;
}

export interface DemoOptions {
  state: string;
  reset?: boolean;
  webhook?: string;
  metrics?: string;
  json?: boolean;
  verbose?: boolean;
}

const CONFIG_HELP = "bootstrap file (default $SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)";

export function registerDaemon(program: Command, ctx: CliContext): void {
  program
    .command("daemon")
    .summary("the long-running loop: watch, fetch, validate, publish, reconcile")
    .description(
      "Run soulsync's main job. One daemon per state directory. It runs a full pass on start, then\n" +
        "waits for triggers: pushes to local bare origins (a ref watcher), the webhook receiver\n" +
        "(Forgejo, Gitea, GitHub and `hook post-receive`, HMAC-signed), the local socket\n" +
        "(<state_dir>/daemon.sock: `soulsync sync` and `status` talk to it), the poll schedule and\n" +
        "SIGHUP (re-read the bootstrap file and the host repo). Only the agents a trigger names run;\n" +
        "per agent at most one run is in progress and one queued. SIGTERM or SIGINT finish the runs in\n" +
        "progress, release every lock and exit.",
    )
    .option("--config <file>", CONFIG_HELP)
    .option("--json", "log JSON lines even on a terminal (the default when stdout is not one)")
    .option("--verbose", "log every step of every run")
    .addHelpText(
      "after",
      "\nExit status: 0 stopped by SIGTERM/SIGINT; 1 the bootstrap file is bad; 2 another daemon holds\nthe state directory, or a listen address or lock could not be had.\n\n" +
        "Examples:\n  soulsync daemon --config /usr/local/etc/soulsync/soulsync.yaml\n  service soulsync start        # rc.d/soulsync runs it under daemon(8)",
    )
    .action((opts: DaemonOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runDaemon } = await import("./daemon.run.js");
        return runDaemon(ctx.o, opts);
      }),
    );

  program
    .command("demo")
    .summary("the quick start: the daemon on demo origins, the sim driver and the embedded PostgreSQL")
    .description(
      "Make demo origins from examples/ under the state directory (bare repos origins/atlas-soul.git,\n" +
        "origins/mevy-soul.git and origins/host.git), a bootstrap file (soulsync.yaml) for the sim\n" +
        "driver and the embedded PostgreSQL, with the webhook and metrics on loopback, and run the\n" +
        "daemon on it in the foreground. Clone a demo soul, push a change and watch it applied.",
    )
    .option("--state <dir>", "state directory of the demo", ".soulsync")
    .option("--reset", "start the demo over (removes the demo's state directory first)")
    .option("--webhook <host:port>", "webhook receiver address", "127.0.0.1:8787")
    .option("--metrics <host:port>", "metrics address", "127.0.0.1:9464")
    .option("--json", "log JSON lines")
    .option("--verbose", "log every step of every run")
    .addHelpText(
      "after",
      "\nExamples:\n  npm start                       # = soulsync demo\n" +
        "  git clone .soulsync/origins/atlas-soul.git /tmp/atlas   # then edit, commit, git push\n" +
        "  npx soulsync status\n  curl -s http://127.0.0.1:9464/metrics | grep soulsync_",
    )
    .action((opts: DemoOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runDemo } = await import("./daemon.run.js");
        return runDemo(ctx.o, opts);
      }),
    );
}
