// soulsync hook pre-receive | post-receive | install REPO
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export interface HookOptions {
  allowlist?: string;
  config?: string;
  notify?: string;
  keyFile?: string;
  socket?: string;
  force?: boolean;
  json?: boolean;
  /** Also validate each pushed branch and tag tip as a Layered Soul v1 tree. */
  soul?: boolean;
}

export function registerHook(program: Command, ctx: CliContext): void {
  const hook = manual(program.command("hook"), {
    exit: [
      [0, "the push is accepted, or the hooks were installed"],
      [1, "the push is refused (a secret), or an existing hook is in the way"],
      [2, "usage error, or git or the file system failed"],
    ],
    examples: ["soulsync hook install /usr/local/bastille/jails/atlas-git/root/srv/git/atlas-soul.git"],
  })
    .summary("git server hooks: refuse pushes that carry a secret, notify soulsync of new revisions")
    .description("Run as git hooks in the origin's bare repo (installed with `soulsync hook install REPO`).");

  manual(hook.command("pre-receive"), {
    exit: [
      [0, "the push is accepted (no new secret)"],
      [1, "the push is refused: a secret, or stdin is not ref updates"],
      [2, "git or the allowlist cannot be read"],
    ],
    examples: ["soulsync hook pre-receive < ref-updates", "soulsync hook pre-receive --config /usr/local/etc/soulsync/soulsync.yaml < ref-updates"],
  })
    .summary("refuse a push that adds a secret")
    .description(
      "Read `<old> <new> <ref>` lines on stdin and scan what each push would add: every file each new commit touched, in full, and the commit and tag messages (new branches, tags and force pushes alike; deletions pass). " +
        "Refuses the whole push on a finding, naming file, line and rule, never the secret.",
    )
    .option("--allowlist <file>", "fingerprints to accept (default: bootstrap secrets_allowlist)")
    .option("--config <file>", "bootstrap file")
    .option("--soul", "also refuse branch and tag tips that are not valid souls (validate's rules)")
    .action((opts: HookOptions) =>
      ctx.action(false, async () => {
        const { runPreReceive } = await import("./hook.run.js");
        return runPreReceive(ctx.o, opts);
      }),
    );

  manual(hook.command("post-receive"), {
    exit: [
      [0, "always once stdin is read, even when the notification fails (a push is never failed)"],
      [1, "stdin is not ref updates"],
    ],
    examples: [
      "soulsync hook post-receive --notify http://10.0.1.1:8787/hook --key-file /usr/local/etc/soulsync/secrets/webhook.key < ref-updates",
      "soulsync hook post-receive --socket /var/db/soulsync/daemon.sock < ref-updates",
    ],
  })
    .summary("tell the soulsync daemon that refs moved")
    .description(
      "Read `<old> <new> <ref>` lines on stdin and tell the daemon: over its Unix socket (--socket), or as an HMAC-signed POST of {repo, refs} to its webhook (--notify or SOULSYNC_NOTIFY_URL, key from --key-file). Prints the agents queued. Never fails the push: a daemon that is down or refuses is a warning.",
    )
    .option("--notify <url>", "the daemon's webhook, e.g. http://10.0.1.1:8787/hook")
    .option("--key-file <path>", "HMAC key for --notify (default: <secrets_dir>/<triggers.webhook.key_secret> of the bootstrap)")
    .option("--socket <path>", "notify over the daemon's Unix socket instead, e.g. /var/db/soulsync/daemon.sock")
    .option("--config <file>", "bootstrap file (for the default key file)")
    .action((opts: HookOptions) =>
      ctx.action(false, async () => {
        const { runPostReceive } = await import("./hook-notify.run.js");
        return runPostReceive(ctx.o, opts);
      }),
    );

  manual(hook.command("install"), {
    exit: [
      [0, "both hooks were installed"],
      [1, "REPO is not a git repository, or a hook soulsync did not write is in the way"],
      [2, "a hook cannot be written"],
    ],
    examples: ["soulsync hook install /usr/local/bastille/jails/atlas-git/root/srv/git/atlas-soul.git", "soulsync hook install ./atlas-soul.git --notify http://10.0.1.1:8787/hook --force"],
  })
    .summary("install the hooks into a bare repo")
    .description("Install the pre-receive and post-receive hooks into a bare repo. Refuses to replace a hook soulsync did not write unless --force.")
    .argument("<repo>", "the origin repository (bare, or a repo whose .git/hooks to use)")
    .option("--allowlist <file>", "allowlist the installed pre-receive hook passes on")
    .option("--config <file>", "bootstrap file the installed hooks pass on")
    .option("--notify <url>", "webhook the installed post-receive hook notifies")
    .option("--key-file <path>", "HMAC key file the installed post-receive hook signs with")
    .option("--socket <path>", "daemon socket the installed post-receive hook notifies instead")
    .option("--soul", "the installed pre-receive hook validates pushed souls too")
    .option("--force", "replace existing hooks")
    .option("--json", "print {installed: [paths]}")
    .action((repo: string, opts: HookOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runInstall } = await import("./hook.run.js");
        return runInstall(ctx.o, repo, opts);
      }),
    );
}
