// soulsync daemon [--config FILE] [--json] [--verbose]  ·  soulsync demo [--state DIR] [--reset]
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

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
  manual(program.command("daemon"), {
    exit: [
      [0, "stopped by SIGTERM or SIGINT"],
      [1, "the bootstrap file is bad"],
      [2, "another daemon holds the state directory, or a lock or listen address could not be had"],
    ],
    examples: ["soulsync daemon --config /usr/local/etc/soulsync/soulsync.yaml", "soulsync daemon --config ./soulsync.yaml --verbose"],
    notes: "On FreeBSD, rc.d/soulsync runs it under daemon(8): service soulsync start, service soulsync reload (SIGHUP).",
  })
    .summary("the long-running loop: watch, fetch, validate, publish, reconcile")
    .description(
      "Run soulsync's main job, one daemon per state directory. It runs a full pass on start, then waits for triggers: pushes to local bare origins (a ref watcher), the webhook receiver (Forgejo, Gitea, GitHub and hook post-receive, HMAC-signed), the local socket <state_dir>/daemon.sock (soulsync sync, status and brain talk to it), the poll schedule, and SIGHUP (re-read the bootstrap file and the host repo). Only the agents a trigger names run; per agent at most one run is in progress and one queued. SIGTERM or SIGINT let the runs in progress finish, release every lock and exit.",
    )
    .option("--config <file>", CONFIG_HELP)
    .option("--json", "log JSON lines even on a terminal (the default when stdout is not one)")
    .option("--verbose", "log every step of every run")
    .action((opts: DaemonOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runDaemon } = await import("./daemon.run.js");
        return runDaemon(ctx.o, opts);
      }),
    );

  manual(program.command("demo"), {
    exit: [
      [0, "stopped by SIGTERM or SIGINT (Ctrl-C)"],
      [2, "the state directory is not the demo's, or a listen address is taken (see --webhook, --metrics)"],
    ],
    examples: ["soulsync demo", "soulsync demo --reset", "soulsync demo --state /tmp/demo --webhook 127.0.0.1:0 --metrics 127.0.0.1:0"],
    notes: "npm start runs soulsync demo. Then: git clone .soulsync/origins/atlas-soul.git, edit memories/curated/*.md, commit, git push, and watch it applied; soulsync status; curl -s http://127.0.0.1:9464/metrics.",
  })
    .summary("the quick start: the daemon on demo origins, the sim driver and the embedded PostgreSQL")
    .description(
      "Make demo origins from examples/ under the state directory (bare repos origins/atlas-soul.git, origins/mevy-soul.git and origins/host.git), a bootstrap file soulsync.yaml for the sim driver and the embedded PostgreSQL with the webhook and metrics on loopback, and run the daemon on it in the foreground. Nothing outside the state directory is written.",
    )
    .option("--state <dir>", "state directory of the demo", ".soulsync")
    .option("--reset", "start the demo over (removes the demo's state directory first)")
    .option("--webhook <host:port>", "webhook receiver address (port 0: any free port)", "127.0.0.1:8787")
    .option("--metrics <host:port>", "metrics address (port 0: any free port)", "127.0.0.1:9464")
    .option("--json", "log JSON lines")
    .option("--verbose", "log every step of every run")
    .action((opts: DemoOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runDemo } = await import("./daemon.run.js");
        return runDemo(ctx.o, opts);
      }),
    );
}
