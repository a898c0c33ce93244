// soulsync brain migrate|import|search|stats|scan — the agent's memories and skills in PostgreSQL.
import type { Command } from "commander";
import { usageError } from "../../core/errors.js";
import type { CliContext } from "../context.js";

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

const TARGET_HELP =
  "\nWhere the brain lives: --database URL, else SOULSYNC_DATABASE_URL, else DATABASE_URL, else the\n" +
  "bootstrap file's database_url, else the embedded PostgreSQL (PGlite) in <state_dir>/pglite\n" +
  "(SOULSYNC_STATE_DIR overrides the state directory). On a server each agent has the databases\n" +
  "<agent>_system_brain, <agent>_system_skills and <agent>_system_ops; embedded, one data directory.";

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
  const brain = program
    .command("brain")
    .summary("import memories and skills into PostgreSQL, search them, show counts")
    .description("The agent's brain: curated memories (system_brain), skills (system_skills) and soulsync's runtime state (system_ops).")
    .addHelpText("after", TARGET_HELP);

  common(
    brain
      .command("migrate")
      .summary("create and migrate an agent's brain databases")
      .description("Apply the forward-only schema migrations to an agent's brain (every agent found when --agent is absent).")
      .option("--agent <name>", "AGENT_NAME"),
  )
    .addHelpText("after", `\nExamples:\n  soulsync brain migrate --agent atlas\n  soulsync brain migrate --database postgres://soulsync@db.local/soulsync --json\n${TARGET_HELP}`)
    .action((opts: BrainAgentOptions) =>
      ctx.action(Boolean(opts.json), async () => (await import("./brain.run.js")).runBrainMigrate(ctx.o, opts)),
    );

  common(
    brain
      .command("import")
      .summary("import a soul's allowed memories and skills")
      .description(
        "Validate a soul and import what its manifest privacy rules and the host policy allow: curated\n" +
          "memories (chunked, full-text indexed), skills, and USER.md when both allow it. Idempotent by\n" +
          "content hash, one transaction per revision, retires rows whose files left the soul.",
      )
      .requiredOption("--soul <dir>", "soul repo directory (or git repo with --rev)")
      .option("--agent <name>", "AGENT_NAME (default: the manifest's agent_id)")
      .option("--rev <rev>", "import the tree of this commit/branch/tag of the --soul git repo instead of the working files")
      .option("--revision <label>", "revision label to record (default: <rev>@sha1:<commit>, or a content digest)")
      .option("--host <dir>", "host repo: take the agent's brain policy from host.yaml and ASSISTANT_LOCALE from its .env")
      .option("--locale <tag>", "ASSISTANT_LOCALE (BCP 47, e.g. de-DE) for the text-search configuration")
      .option("--dry-run", "print the plan (insert / update / retire actions) and change nothing")
      .option("--retries <n>", "retries with backoff when the database is unavailable", "3"),
  )
    .addHelpText(
      "after",
      `\nExamples:\n  soulsync brain import --soul examples/souls/atlas --agent atlas\n  soulsync brain import --soul examples/souls/atlas --host examples/host --dry-run --json\n  soulsync brain import --soul /srv/git/atlas.git --rev v1.4.0 --agent atlas --database postgres://soulsync@127.0.0.1/soulsync --json\n${TARGET_HELP}`,
    )
    .action((opts: BrainImportOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const retries = count(opts.retries, "--retries", 20);
        return (await import("./brain.run.js")).runBrainImport(ctx.o, opts, retries);
      }),
    );

  common(
    brain
      .command("search")
      .summary("full-text search an agent's memories")
      .description("Search an agent's live memories (web-search syntax: words, \"a phrase\", -word, or), ranked, with a snippet and the source path.")
      .argument("<query>", "what to look for")
      .requiredOption("--agent <name>", "AGENT_NAME")
      .option("--limit <n>", "at most this many results", "10"),
  )
    .addHelpText("after", `\nExamples:\n  soulsync brain search "backup schedule" --agent atlas\n  soulsync brain search 'pf -anchor' --agent atlas --json\n${TARGET_HELP}`)
    .action((query: string, opts: BrainSearchOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const limit = count(opts.limit, "--limit", 1000);
        return (await import("./brain.run.js")).runBrainSearch(ctx.o, query, opts, limit);
      }),
    );

  common(
    brain
      .command("stats")
      .summary("counts of memories, chunks and skills per agent")
      .description("Show each agent's live and retired memories, chunks, embedded chunks, skills, text-search configuration and imported revision.")
      .option("--agent <name>", "only this agent"),
  )
    .addHelpText("after", `\nExamples:\n  soulsync brain stats\n  soulsync brain stats --agent atlas --json\n${TARGET_HELP}`)
    .action((opts: BrainAgentOptions) =>
      ctx.action(Boolean(opts.json), async () => (await import("./brain.run.js")).runBrainStats(ctx.o, opts)),
    );

  common(
    brain
      .command("scan")
      .summary("scan what the brain already stores for secrets")
      .description(
        "Scan every memory (title, topics, body, chunks) and skill an agent's brain stores, live and\n" +
          "retired, with the same rules as `soulsync scan`: a secret imported before a rule existed is\n" +
          "found where it is kept. Findings name the table, the row's path, line, column, rule and a\n" +
          "fingerprint, never the secret; [retired] marks rows the soul no longer has.",
      )
      .option("--agent <name>", "only this agent (default: every agent found)")
      .option("--allowlist <file>", "fingerprints to accept, one a line (default: bootstrap secrets_allowlist)"),
  )
    .addHelpText("after", `\nExamples:\n  soulsync brain scan --agent atlas\n  soulsync brain scan --database postgres://soulsync@db.local/soulsync --json\n\nExit status: 0 clean, 1 findings, 2 error.\n${TARGET_HELP}`)
    .action((opts: BrainScanOptions) =>
      ctx.action(Boolean(opts.json), async () => (await import("./brain-scan.run.js")).runBrainScan(ctx.o, opts)),
    );
}
