// soulsync hook pre-receive | post-receive | install REPO
import type { Command } from "commander";
import type { CliContext } from "../context.js";

export interface HookOptions {
  allowlist?: string;
  config?: string;
  notify?: string;
  keyFile?: string;
  socket?: string;
  force?: boolean;
  json?: boolean;
}

export function registerHook(program: Command, ctx: CliContext): void {
  const hook = program
    .command("hook")
    .summary("git server hooks: refuse pushes that carry a secret, notify soulsync of new revisions")
    .description("Run as git hooks in the origin's bare repo (installed with `soulsync hook install REPO`).");

  hook
    .command("pre-receive")
    .summary("refuse a push that adds a secret")
    .description(
      "Read `<old> <new> <ref>` lines on stdin and scan what each push would add: every file each " +
        "new commit touched, in full, and the commit and tag messages (new branches, tags and force " +
        "pushes alike; deletions pass). Refuses the whole push on a finding, naming file, line and rule.",
    )
    .option("--allowlist <file>", "fingerprints to accept (default: bootstrap secrets_allowlist)")
    .option("--config <file>", "bootstrap file")
    .addHelpText("after", "\nExample (what hooks/pre-receive runs):\n  soulsync hook pre-receive < ref-updates")
    .action((opts: HookOptions) =>
      ctx.action(false, async () => {
        const { runPreReceive } = await import("./hook.run.js");
        return runPreReceive(ctx.o, opts);
      }),
    );

  hook
    .command("post-receive")
    .summary("tell the soulsync daemon that refs moved")
    .description(
      "Read `<old> <new> <ref>` lines on stdin and tell the daemon: over its Unix socket (--socket), or " +
        "as an HMAC-signed POST of {repo, refs} to its webhook (--notify or SOULSYNC_NOTIFY_URL, key from " +
        "--key-file). Prints the agents queued. Never fails the push: a daemon that is down or refuses is a warning.",
    )
    .option("--notify <url>", "the daemon's webhook, e.g. http://10.0.1.1:8787/hook")
    .option("--key-file <path>", "HMAC key for --notify (default: <secrets_dir>/<triggers.webhook.key_secret> of the bootstrap)")
    .option("--socket <path>", "notify over the daemon's Unix socket instead, e.g. /var/db/soulsync/daemon.sock")
    .option("--config <file>", "bootstrap file (for the default key file)")
    .addHelpText(
      "after",
      "\nExamples:\n  soulsync hook post-receive --notify http://10.0.1.1:8787/hook --key-file /usr/local/etc/soulsync/secrets/webhook.key < ref-updates\n  soulsync hook post-receive --socket /var/db/soulsync/daemon.sock < ref-updates",
    )
    .action((opts: HookOptions) =>
      ctx.action(false, async () => {
        const { runPostReceive } = await import("./hook-notify.run.js");
        return runPostReceive(ctx.o, opts);
      }),
    );

  hook
    .command("install")
    .summary("install the hooks into a bare repo")
    .description("Install the pre-receive and post-receive hooks into a bare repo. Refuses to replace a hook soulsync did not write unless --force.")
    .argument("<repo>", "the origin repository (bare, or a repo whose .git/hooks to use)")
    .option("--allowlist <file>", "allowlist the installed pre-receive hook passes on")
    .option("--config <file>", "bootstrap file the installed hooks pass on")
    .option("--notify <url>", "webhook the installed post-receive hook notifies")
    .option("--key-file <path>", "HMAC key file the installed post-receive hook signs with")
    .option("--socket <path>", "daemon socket the installed post-receive hook notifies instead")
    .option("--force", "replace existing hooks")
    .option("--json", "print {installed: [paths]}")
    .addHelpText("after", "\nExample:\n  soulsync hook install /usr/local/bastille/jails/atlas-git/root/srv/git/atlas-soul.git")
    .action((repo: string, opts: HookOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runInstall } = await import("./hook.run.js");
        return runInstall(ctx.o, repo, opts);
      }),
    );
}
