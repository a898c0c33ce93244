// soulsync brain migrate|import|search|stats — the agent's memories and skills in PostgreSQL.
import type { Command } from "commander";
import { usageError } from "../../core/errors.js";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export interface BrainCommonOptions {
  database?: string;
  config?: string;
  json?: boolean;
}

export interface BrainImportOptions extends BrainCommonOptions {
  soul: string;
  agent?: string;
  rev?: string;
  revision?: string;
  host?: string;
  locale?: string;
  dryRun?: boolean;
  retries: string;
}

export interface BrainSearchOptions extends BrainCommonOptions {
  agent: string;
  limit: string;
}

export interface BrainAgentOptions extends BrainCommonOptions {
  agent?: string;
}

export interface BrainScanOptions extends BrainAgentOptions {
  allowlist?: string;
}

/** Said at the end of every brain command's help and manual. */
const TARGET_NOTE =
  "Where the brain lives: --database URL, else SOULSYNC_DATABASE_URL, else DATABASE_URL, else the bootstrap file's database_url, else the embedded PostgreSQL (PGlite) in <state_dir>/pglite (SOULSYNC_STATE_DIR overrides the state directory). " +
  "On a server each agent has the databases <agent>_system_brain, <agent>_system_skills and <agent>_system_ops; embedded, one data directory per agent.";

const DB_EXIT: [number, string] = [2, "usage error, the agent has no brain (search, stats), or the database is unavailable or refused access"];

function common(cmd: Command): Command {
  return cmd
    .option("--database <url>", "PostgreSQL server URL (postgres://user@host:5432/db); the password is never printed")
    .option("--config <file>", "bootstrap file (default: SOULSYNC_CONFIG or /usr/local/etc/soulsync/soulsync.yaml)")
    .option("--json", "print the result as JSON");
}

function count(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw usageError("E_USAGE", `${flag} must be an integer from 0 to ${max}`);
  return n;
}

export function registerBrain(program: Command, ctx: CliContext): void {
  const brain = manual(program.command("brain"), {
    exit: [[0, "success"], [1, "the soul does not validate (import)"], DB_EXIT],
    examples: ['soulsync brain import --soul examples/souls/atlas --host examples/host', 'soulsync brain search "pf restart" --agent atlas', "soulsync brain stats --json"],
    notes: TARGET_NOTE,
  })
    .summary("import memories and skills into PostgreSQL, search them, show counts")
    .description("The agent's brain in PostgreSQL: curated memories (system_brain), skills (system_skills) and soulsync's runtime state (system_ops).");

  common(
    manual(brain.command("migrate"), {
      exit: [[0, "every brain is at the current migration"], [1, "a database is newer than this soulsync, or an applied migration changed"], DB_EXIT],
      examples: ["soulsync brain migrate --agent atlas", "soulsync brain migrate --database postgres://soulsync@db.local/soulsync --json"],
      notes: TARGET_NOTE,
    })
      .summary("create and migrate an agent's brain databases")
      .description("Apply the forward-only schema migrations to an agent's brain (every agent found when --agent is absent). They also run whenever a brain is opened.")
      .option("--agent <name>", "AGENT_NAME"),
  )
    .action((opts: BrainAgentOptions) =>
      ctx.action(Boolean(opts.json), async () => (await import("./brain.run.js")).runBrainMigrate(ctx.o, opts)),
    );

  common(
    manual(brain.command("import"), {
      exit: [[0, "imported, or already up to date (with --dry-run: the plan was printed)"], [1, "the soul does not validate, or --host names no such agent"], DB_EXIT],
      examples: [
        "soulsync brain import --soul examples/souls/atlas --agent atlas",
        "soulsync brain import --soul examples/souls/atlas --host examples/host --dry-run --json",
        "soulsync brain import --soul /srv/git/atlas.git --rev v1.4.0 --agent atlas --database postgres://soulsync@127.0.0.1/soulsync",
      ],
      notes: TARGET_NOTE,
    })
      .summary("import a soul's allowed memories and skills")
      .description(
        "Validate a soul and import what its manifest privacy rules and the host policy allow: curated memories (chunked, full-text indexed), skills, and USER.md when both allow it. " +
          "Idempotent by content hash, one transaction per revision; rows whose files left the soul are retired.",
      )
      .requiredOption("--soul <dir>", "soul repo directory (or git repo with --rev)")
      .option("--agent <name>", "AGENT_NAME (default: the manifest's agent_id)")
      .option("--rev <rev>", "import the tree of this commit, branch or tag of the --soul git repo instead of the working files")
      .option("--revision <label>", "revision label to record (default: <rev>@sha1:<commit>, or a content digest)")
      .option("--host <dir>", "host repo: take the agent's brain policy from host.yaml and ASSISTANT_LOCALE from its .env")
      .option("--locale <tag>", "ASSISTANT_LOCALE (BCP 47, e.g. de-DE) for the text-search configuration")
      .option("--dry-run", "print the plan (insert, update and retire actions) and change nothing")
      .option("--retries <n>", "retries with backoff when the database is unavailable", "3"),
  )
    .action((opts: BrainImportOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const retries = count(opts.retries, "--retries", 20);
        return (await import("./brain.run.js")).runBrainImport(ctx.o, opts, retries);
      }),
    );

  common(
    manual(brain.command("search"), {
      exit: [[0, "the search ran (also when nothing matched)"], DB_EXIT],
      examples: ['soulsync brain search "backup schedule" --agent atlas', "soulsync brain search 'pf -anchor' --agent atlas --json"],
      notes: TARGET_NOTE,
    })
      .summary("full-text search an agent's memories")
      .description('Search an agent\'s live memories (web-search syntax: words, "a phrase", -word, or), ranked, with a snippet and the source path.')
      .argument("<query>", "what to look for")
      .requiredOption("--agent <name>", "AGENT_NAME")
      .option("--limit <n>", "at most this many results", "10"),
  )
    .action((query: string, opts: BrainSearchOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const limit = count(opts.limit, "--limit", 1000);
        const viaDaemon = await (await import("./brain-daemon.run.js")).searchViaDaemon(ctx.o, query, opts, limit);
        return viaDaemon ?? (await import("./brain.run.js")).runBrainSearch(ctx.o, query, opts, limit);
      }),
    );

  common(
    manual(brain.command("stats"), {
      exit: [[0, "the counts were printed"], DB_EXIT],
      examples: ["soulsync brain stats", "soulsync brain stats --agent atlas --json"],
      notes: TARGET_NOTE,
    })
      .summary("counts of memories, chunks and skills per agent")
      .description("Show each agent's live and retired memories, chunks, embedded chunks, skills, text-search configuration and imported revision.")
      .option("--agent <name>", "only this agent"),
  )
    .action((opts: BrainAgentOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const viaDaemon = await (await import("./brain-daemon.run.js")).statsViaDaemon(ctx.o, opts);
        return viaDaemon ?? (await import("./brain.run.js")).runBrainStats(ctx.o, opts);
      }),
    );

  common(
    manual(brain.command("scan"), {
      exit: [[0, "nothing stored is a secret"], [1, "a stored memory or skill holds a secret (findings printed, never the secret)"], DB_EXIT],
      examples: ["soulsync brain scan --agent atlas", "soulsync brain scan --database postgres://soulsync@db.local/soulsync --json"],
      notes: TARGET_NOTE,
    })
      .summary("scan what the brain already stores for secrets")
      .description(
        "Scan every memory (title, topics, body, chunks) and skill an agent's brain stores, live and retired, with the same rules as " +
          "`soulsync scan`: a secret imported before a rule existed is found where it is kept. Findings name the table, the row's path, " +
          "line, column, rule and a fingerprint, never the secret; [retired] marks rows the soul no longer has.",
      )
      .option("--agent <name>", "only this agent (default: every agent found)")
      .option("--allowlist <file>", "fingerprints to accept, one a line (default: bootstrap secrets_allowlist)"),
  ).action((opts: BrainScanOptions) =>
    ctx.action(Boolean(opts.json), async () => (await import("./brain-scan.run.js")).runBrainScan(ctx.o, opts)),
  );
}
