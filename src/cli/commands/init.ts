// soulsync init DIR [--agent NAME]
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { inputError } from "../../core/errors.js";
import { AGENT_NAME_RE } from "../../soul/schema/patterns.js";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";
import { EXIT_OK } from "../exit.js";

interface InitOptions {
  agent?: string;
  displayName?: string;
  json?: boolean;
}

export function registerInit(program: Command, ctx: CliContext): void {
  manual(program.command("init"), {
    exit: [
      [0, "the soul was written and committed"],
      [1, "DIR is not empty, or the agent name is not valid"],
      [2, "usage error, or git failed"],
    ],
    examples: ["soulsync init ~/souls/atlas", "soulsync init ./mevy-soul --agent mevy --display-name Mevy --json"],
  })
    .summary("scaffold a Layered Soul repo")
    .description("Write a valid starter Layered Soul repo into DIR (a new or empty directory): the four core files, AGENTS.md, a skill and a curated memory. Then git init it and make a first commit, so it can be pushed to an origin as it is.")
    .argument("<dir>", "directory to create")
    .option("--agent <name>", "AGENT_NAME (default: derived from DIR)")
    .option("--display-name <text>", "display name (default: the agent name, capitalised)")
    .option("--json", "print {dir, files, commit} as JSON")
    .action((dir: string, opts: InitOptions) =>
      ctx.action(Boolean(opts.json), async () => {
        const agent = opts.agent ?? basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9_]/g, "_");
        if (!AGENT_NAME_RE.test(agent)) {
          throw inputError("E_AGENT_NAME", `agent name "${agent}" must start with a lowercase letter, then lowercase letters, digits or _ (pass --agent)`);
        }
        const displayName = opts.displayName ?? agent.charAt(0).toUpperCase() + agent.slice(1);
        const { initSoul } = await import("../../soul/init.js");
        const result = await initSoul(dir, agent, displayName, new Date().toISOString().slice(0, 10));
        if (opts.json) ctx.o.json(result);
        else ctx.o.out(`created soul "${agent}" in ${result.dir} (${result.files.length} files, commit ${result.commit.slice(0, 12)})`);
        return EXIT_OK;
      }),
    );
}
