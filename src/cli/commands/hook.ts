// soulsync hook pre-receive | post-receive | install REPO
import type { Command } from "commander";
import type { CliContext } from "../context.js";

export interface HookOptions {
  allowlist?: string;
  config?: string;
  notify?: string;
  force?: boolean;
  json?: boolean;
  /** Also validate each pushed branch and tag tip as a Layered Soul v1 tree. */
  soul?: boolean;
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
    .option("--soul", "also refuse branch and tag tips that are not valid souls (validate's rules)")
    .addHelpText("after", "\nExample (what hooks/pre-receive runs):\n  soulsync hook pre-receive < ref-updates")
    .action((opts: HookOptions) =>
      ctx.action(false, async () => {
        const { runPreReceive } = await import("./hook.run.js");
        return runPreReceive(ctx.o, opts);
      }),
    );

  hook
    .command("post-receive")
    .summary("tell soulsync that refs moved")
    .description("Read `<old> <new> <ref>` lines on stdin and tell soulsync: POST them as JSON to --notify (or SOULSYNC_NOTIFY_URL, bearer token from SOULSYNC_NOTIFY_TOKEN), else print them. Never fails the push.")
    .option("--notify <url>", "soulsync's webhook, e.g. http://10.0.1.1:8787/hook")
    .addHelpText("after", "\nExample:\n  soulsync hook post-receive --notify http://10.0.1.1:8787/hook < ref-updates")
    .action((opts: HookOptions) =>
      ctx.action(false, async () => {
        const { runPostReceive } = await import("./hook.run.js");
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
    .option("--soul", "the installed pre-receive hook validates pushed souls too")
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
