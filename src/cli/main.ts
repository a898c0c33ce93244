// argv → commands. Command modules register their options here and load their
// implementation lazily, so `soulsync --help` and small commands start fast.
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { packageFile } from "../core/package-root.js";
import { registerCommands } from "./commands/index.js";
import { createContext } from "./context.js";
import { EXIT_OK, EXIT_USAGE } from "./exit.js";
import { COMMON_EXIT, formatHelp, manual } from "./help.js";
import { createOutput } from "./output.js";

function packageVersion(): string {
  return (JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version: string }).version;
}

export function buildProgram(ctx = createContext(createOutput())): { program: Command; ctx: typeof ctx } {
  const program = manual(new Command("soulsync"), {
    exit: COMMON_EXIT,
    examples: ["soulsync validate examples/souls/atlas", "soulsync sync --json", "soulsync status", "soulsync help sync"],
    notes: "Set SOULSYNC_DEBUG=1 to see stack traces; NO_COLOR turns colour off. The manual: man soulsync, man soulsync.yaml, and docs/ in the source.",
  })
    .description(
      "GitOps agent for FreeBSD hosts that run Clawdie-style AI agents: validate, scan, publish, import, render and reconcile agent souls from git.",
    )
    .configureHelp({ formatHelp })
    .version(packageVersion(), "-V, --version", "print the version")
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(ctx.o.colors.red(s)),
    });
  registerCommands(program, ctx);
  overrideExits(program);
  return { program, ctx };
}

/** Commander must throw instead of exiting, at every level, so main() picks the status. */
function overrideExits(cmd: Command): void {
  cmd.exitOverride();
  for (const sub of cmd.commands) overrideExits(sub);
}

/**
 * zod compiles a fast parser per object schema on first use (`new Function`): worth it in a long
 * loop, a loss for a command that parses a few documents and exits. Set before any schema module
 * loads (they are imported lazily by the commands), without importing zod here.
 */
function zodWithoutJit(): void {
  const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
  g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true };
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  zodWithoutJit();
  // `soulsync plan | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(0);
      throw e;
    });
  }
  const { program, ctx } = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") {
        return EXIT_OK;
      }
      return EXIT_USAGE;
    }
    throw e;
  }
  return ctx.exitCode;
}
