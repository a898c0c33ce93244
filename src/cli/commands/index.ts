// Every command, in the order `--help` lists them. Each file registers options only;
// its implementation is imported when the command runs.
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { registerApply } from "./apply.js";
import { registerBrain } from "./brain.js";
import { registerConfig } from "./config.js";
import { registerDaemon } from "./daemon.js";
import { registerHook } from "./hook.js";
import { registerInit } from "./init.js";
import { registerPlan } from "./plan.js";
import { registerPromote } from "./promote.js";
import { registerRender } from "./render.js";
import { registerRollback } from "./rollback.js";
import { registerScan } from "./scan.js";
import { registerSchema } from "./schema.js";
import { registerStatus } from "./status.js";
import { registerSync } from "./sync.js";
import { registerValidate } from "./validate.js";

export function registerCommands(program: Command, ctx: CliContext): void {
  registerInit(program, ctx);
  registerValidate(program, ctx);
  registerScan(program, ctx);
  registerSchema(program, ctx);
  registerConfig(program, ctx);
  registerPlan(program, ctx);
  registerApply(program, ctx);
  registerSync(program, ctx);
  registerDaemon(program, ctx);
  registerStatus(program, ctx);
  registerRollback(program, ctx);
  registerPromote(program, ctx);
  registerRender(program, ctx);
  registerBrain(program, ctx);
  registerHook(program, ctx);
}
