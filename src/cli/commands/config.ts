// soulsync config check PATH [--json]
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { manual } from "../help.js";

export function registerConfig(program: Command, ctx: CliContext): void {
  const config = manual(program.command("config"), {
    exit: [
      [0, "the host repo is valid"],
      [1, "the host repo has errors"],
      [2, "host.yaml cannot be read"],
    ],
    examples: ["soulsync config check examples/host"],
  })
    .summary("check host configuration")
    .description("Host repo configuration: config check validates a host repo before it is pushed or applied.");
  manual(config.command("check"), {
    exit: [
      [0, "the host repo is valid (warnings allowed)"],
      [1, "the host repo has errors"],
      [2, "host.yaml cannot be read"],
    ],
    examples: ["soulsync config check examples/host", "soulsync config check examples/host/host.yaml", "soulsync config check /srv/host-repo --json"],
  })
    .summary("validate a host repo: host.yaml, every agent .env, and across agents")
    .description(
      "Validate a host repo in one pass: the host.yaml schema; every agents/<name>.env against the rules for the Clawdie keys (AGENT_NAME, the subnet base, the gateway .1, jail IPs inside the subnet, jail names, BCP 47 and UTF-8 locales); " +
        "the rules across agents (names, subnets, gateways, jail names and IPs must not collide; one ollama or llama.cpp jail may be shared at the same IP); and no secret in any .env. " +
        "Each problem names file, line and key. Nothing is executed: .env files are parsed as data. PATH is the host repo directory or its host.yaml.",
    )
    .argument("<path>", "host repo directory, or its host.yaml")
    .option("--json", "print {ok, errors, warnings} as JSON")
    .action((path: string, opts: { json?: boolean }) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runConfigCheck } = await import("./config.run.js");
        return runConfigCheck(ctx.o, path, Boolean(opts.json));
      }),
    );
}
