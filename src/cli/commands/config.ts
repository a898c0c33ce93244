// soulsync config check HOSTDIR [--json]
import type { Command } from "commander";
import type { CliContext } from "../context.js";

export function registerConfig(program: Command, ctx: CliContext): void {
  const config = program.command("config").summary("check host configuration").description("Host repo configuration commands.");
  config
    .command("check")
    .summary("validate a host repo: host.yaml, every agent .env, and across agents")
    .description(
      "Validate a host repo in one pass: the host.yaml schema, every agents/<name>.env against the\n" +
        "DESIGN §4 rules (AGENT_NAME, subnet base, gateway .1, IPs inside the subnet, jail names,\n" +
        "BCP 47 and UTF-8 locales), and the rules across agents (names, subnets, gateways, jail names\n" +
        "and IPs must not collide; one ollama/llama.cpp jail may be shared with the same IP).\n" +
        "Each problem names file, line and key. Nothing is executed; .env files are parsed as data.",
    )
    .argument("<hostdir>", "host repo directory (holds host.yaml)")
    .option("--json", "print {ok, errors, warnings} as JSON")
    .addHelpText("after", "\nExamples:\n  soulsync config check examples/host\n  soulsync config check /srv/host-repo --json")
    .action((dir: string, opts: { json?: boolean }) =>
      ctx.action(Boolean(opts.json), async () => {
        const { runConfigCheck } = await import("./config.run.js");
        return runConfigCheck(ctx.o, dir, Boolean(opts.json));
      }),
    );
}
