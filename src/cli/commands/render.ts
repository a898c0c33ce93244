// soulsync render --soul DIR --harness NAME|all --out HOME [--check] [--dry-run] [--force] [--json]
import type { Command } from "commander";
import { usageError } from "../../core/errors.js";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export interface RenderOptions {
  soul?: string;
  repo?: string;
  rev?: string;
  harness: string;
  out?: string;
  check?: boolean;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  revision?: string;
  origin?: string;
  colibriDb?: string;
}

export function registerRender(program: Command, ctx: CliContext): void {
  manual(program.command("render"), {
    exit: [
      [0, "rendered, or already up to date"],
      [1, "the soul is bad, a file is over a harness budget, a file soulsync did not write is in the way, or --check found stale output"],
      [2, "usage error, or a write failed"],
    ],
    examples: ["soulsync render --soul examples/souls/atlas --harness all --out /home/atlas", "soulsync render --soul . --harness codex,claude-code --out ~ --dry-run", "soulsync render --repo /srv/git/atlas-soul.git --rev v1.4.0 --out /home/atlas --check"],
  })
    .summary("render a soul into each harness's files under a home directory")
    .description(
      "Render one soul for Pi, Hermes, Codex, Claude Code, Colibri and OpenClaw, the way each reads its files, " +
        "under --out (the agent's home). Paths honour PI_CODING_AGENT_DIR, HERMES_HOME, CODEX_HOME and CLAUDE_CONFIG_DIR. " +
        "Every file carries a provenance line and is listed with its hash in HOME/.soulsync-render.json, so a re-render " +
        "removes its own stale files and never overwrites a file it did not write (--force moves that file to " +
        "<path>.soulsync-backup-<hash> first). Over a harness budget is an error naming the file and the overflow.",
    )
    .option("--soul <dir>", "soul repo directory")
    .option("--repo <path>", "git repository to read the soul from instead of a directory")
    .option("--rev <rev>", "branch, tag or commit to read with --repo", "HEAD")
    .option("--harness <names>", "pi, hermes, codex, claude-code, colibri, openclaw, a comma-separated list, or all", "all")
    .option("--out <home>", "home directory the harness paths are laid out in")
    .option("--check", "change nothing; exit 1 when any output is missing or stale")
    .option("--dry-run", "change nothing; print what would change")
    .option("--force", "back up files soulsync did not write (or that changed since) and replace them")
    .option("--revision <rev>", "revision to print in provenance lines (default: the soul's commit)")
    .option("--origin <repo>", "repo name or URL to print in provenance lines (default: manifest provenance.origin)")
    .option("--colibri-db <path>", "Colibri's SQLite database (default HOME/.colibri/colibri.sqlite)")
    .option("--json", "print the plan and outcome as JSON")
    .action((opts: RenderOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        if (!opts.out) throw usageError("E_USAGE", "--out HOME is required");
        if (!opts.soul && !opts.repo) throw usageError("E_USAGE", "give --soul DIR or --repo PATH");
        if (opts.soul && opts.repo) throw usageError("E_USAGE", "give either --soul or --repo, not both");
        if (opts.rev !== "HEAD" && !opts.repo) throw usageError("E_USAGE", "--rev needs --repo");
        if (opts.check && opts.dryRun) throw usageError("E_USAGE", "--check and --dry-run do not go together");
        const { runRender } = await import("./render.run.js");
        return runRender(ctx.o, opts);
      }),
    );
}
