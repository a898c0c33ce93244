// The bodies of `soulsync brain …`, loaded only when a brain command runs.
import { join } from "node:path";
import { loadBootstrap } from "../../config/bootstrap.js";
import { readHostSpec } from "../../config/host.js";
import type { BrainPolicy } from "../../config/schema/host.js";
import { inputError } from "../../core/errors.js";
import { toReport } from "../../core/problem.js";
import { redactUrls } from "../../core/redact.js";
import {
  type BrainTarget,
  DEFAULT_HOST_POLICY,
  type ImportOptions,
  type ImportPlan,
  describePlan,
  previewImport,
  summarizePlan,
  checkAgentName,
  describeTarget,
  importSoul,
  listBrainAgents,
  localeFromEnvText,
  migrateAll,
  openAgentBrain,
  readBrainStats,
  resolveBrainTarget,
  searchMemories,
  withBackoff,
} from "../../brain/index.js";
import { loadAllowlist } from "../../secrets/load-allowlist.js";
import { loadGatedSoul } from "../../soul/gate.js";
import { FILE_LIMITS } from "../../untrusted/limits.js";
import { readUntrusted } from "../../untrusted/read-file.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import { type Output, printReport, reportJson } from "../output.js";
import type { BrainAgentOptions, BrainCommonOptions, BrainImportOptions, BrainSearchOptions } from "./brain.js";

export async function target(opts: BrainCommonOptions): Promise<BrainTarget> {
  const boot = await loadBootstrap(opts.config);
  return resolveBrainTarget({ flag: opts.database, env: process.env, configured: boot.database_url, stateDir: boot.state_dir });
}

/** The agent's brain policy and locale from a host repo (host.yaml and the agent's .env). */
async function hostSettings(hostDir: string, agent: string): Promise<{ policy: BrainPolicy; locale: string | undefined }> {
  const spec = await readHostSpec(hostDir);
  const a = spec.agents.find((x) => x.name === agent);
  if (!a) throw inputError("E_BRAIN_AGENT_UNKNOWN", `${join(hostDir, "host.yaml")}: no agent "${agent}"`, { agent });
  const env = await readUntrusted(join(hostDir, a.env ?? `agents/${agent}.env`), { maxBytes: FILE_LIMITS.envFile, root: hostDir });
  const envText = env.ok ? Buffer.from(env.data).toString("utf8") : "";
  return { policy: a.brain, locale: localeFromEnvText(envText) };
}

export async function runBrainImport(o: Output, opts: BrainImportOptions, retries: number): Promise<number> {
  const source = opts.rev ? { repo: opts.soul, rev: opts.rev } : { dir: opts.soul };
  const { problems, soul } = await loadGatedSoul(source, { allow: await loadAllowlist(undefined, undefined) });
  const report = toReport(problems);
  if (!soul || !report.ok) {
    // Invalid front matter (or anything else) stops the revision here: nothing is imported.
    if (opts.json) o.json(reportJson(report));
    else printReport(o, report, `${opts.soul}: not imported`);
    return EXIT_FAILED;
  }
  const agent = checkAgentName(opts.agent ?? soul.manifest.agent_id);
  const warnings: string[] = [];
  if (agent !== soul.manifest.agent_id) warnings.push(`W_BRAIN_AGENT_MISMATCH: importing soul "${soul.manifest.agent_id}" as agent "${agent}"`);
  const host = opts.host ? await hostSettings(opts.host, agent) : undefined;
  const policy = host?.policy ?? DEFAULT_HOST_POLICY;
  const locale = opts.locale ?? host?.locale ?? process.env.ASSISTANT_LOCALE;
  const revision = opts.revision ?? (opts.rev && soul.commit ? `${opts.rev}@sha1:${soul.commit}` : undefined);
  const where = await target(opts);
  const options = { soul, policy, locale, revision, today: new Date().toISOString().slice(0, 10) };
  if (opts.dryRun) return printPreview(o, where, agent, options, opts, warnings);
  const result = await withBackoff(
    async () => {
      const b = await openAgentBrain(where, agent);
      try {
        return await importSoul(b, options);
      } finally {
        await b.close();
      }
    },
    { retries, onRetry: (e, n, ms) => o.err(`warning: ${redactUrls((e as Error).message)}; retry ${n}/${retries} in ${(ms / 1000).toFixed(1)} s`) },
  );
  if (opts.json) {
    o.json({ ok: true, target: describeTarget(where), warnings, ...result, previousRevision: result.previousRevision ?? null });
    return EXIT_OK;
  }
  for (const w of warnings) o.err(`warning ${w}`);
  const a = result.actions;
  o.out(
    `${agent}: ${result.changed ? "imported" : "unchanged at"} ${result.revision} (${describeTarget(where)})\n` +
      `  memories: ${result.memories} allowed — ${a["memory.insert"]} new, ${a["memory.update"]} updated, ${a["memory.retire"]} retired\n` +
      `  skills:   ${result.skills} allowed — ${a["skill.insert"]} new, ${a["skill.update"]} updated, ${a["skill.retire"]} retired\n` +
      `  ${result.rowsWritten} rows written; text search: ${result.tsConfig}`,
  );
  return EXIT_OK;
}

/** `--dry-run`: the plan, as data; nothing is written (the brain is created and migrated if new). */
async function printPreview(o: Output, where: BrainTarget, agent: string, options: ImportOptions, opts: BrainImportOptions, warnings: string[]): Promise<number> {
  const b = await openAgentBrain(where, agent);
  let plan: ImportPlan;
  try {
    plan = await previewImport(b, options);
  } finally {
    await b.close();
  }
  const changes = describePlan(plan);
  if (opts.json) {
    o.json({ ok: true, dryRun: true, target: describeTarget(where), warnings, agent, revision: plan.revision, tsConfig: plan.tsConfig, planVersion: plan.version, actions: summarizePlan(plan), changes });
  } else {
    for (const w of warnings) o.err(`warning ${w}`);
    o.out(`${agent}: ${changes.length} change${changes.length === 1 ? "" : "s"} planned for ${plan.revision} (dry run, nothing written)`);
    for (const c of changes) o.out(`  ${c.kind} ${c.id}${c.reason ? ` (${c.reason})` : ""}`);
  }
  return EXIT_OK;
}

export async function runBrainSearch(o: Output, query: string, opts: BrainSearchOptions, limit: number): Promise<number> {
  const agent = checkAgentName(opts.agent);
  const where = await target(opts);
  const b = await openAgentBrain(where, agent, { create: false });
  try {
    const { tsConfig, hits } = await searchMemories(b.brain, agent, query, limit);
    if (opts.json) {
      o.json({ ok: true, agent, query, tsConfig, hits });
    } else if (hits.length === 0) {
      o.err(`no memories of ${agent} match "${query}"`);
    } else {
      for (const h of hits) o.out(`${h.path}  ${h.title}  (rank ${h.rank.toFixed(3)})\n    ${h.snippet}`);
    }
  } finally {
    await b.close();
  }
  return EXIT_OK;
}

export async function runBrainStats(o: Output, opts: BrainAgentOptions): Promise<number> {
  const where = await target(opts);
  const agents = opts.agent ? [checkAgentName(opts.agent)] : await listBrainAgents(where);
  const stats = [];
  for (const agent of agents) {
    const b = await openAgentBrain(where, agent, { create: false });
    try {
      stats.push(await readBrainStats(b));
    } finally {
      await b.close();
    }
  }
  if (opts.json) {
    o.json({ ok: true, target: describeTarget(where), agents: stats });
    return EXIT_OK;
  }
  if (stats.length === 0) o.err(`no agent brains in ${describeTarget(where)}`);
  for (const s of stats) {
    o.out(
      `${s.agent}: ${s.memories.live} memories (${s.memories.retired} retired, ${s.memories.chunks} chunks, ${s.memories.embedded} embedded, ${s.memories.bytes} bytes), ` +
        `${s.skills.live} skills (${s.skills.retired} retired); ${s.tsConfig}; revision ${s.revision ?? "none"}`,
    );
  }
  return EXIT_OK;
}

export async function runBrainMigrate(o: Output, opts: BrainAgentOptions): Promise<number> {
  const where = await target(opts);
  const agents = opts.agent ? [checkAgentName(opts.agent)] : await listBrainAgents(where);
  const out = [];
  for (const agent of agents) {
    const b = await openAgentBrain(where, agent);
    try {
      out.push({ agent, parts: await migrateAll(b) });
    } finally {
      await b.close();
    }
  }
  if (opts.json) o.json({ ok: true, target: describeTarget(where), agents: out });
  else {
    if (out.length === 0) o.err(`no agent brains in ${describeTarget(where)} (pass --agent to create one)`);
    for (const a of out) {
      o.out(`${a.agent}: ${a.parts.map((p) => `${p.part} v${p.version}${p.applied.length ? ` (applied ${p.applied.join(", ")})` : ""}`).join(", ")}`);
    }
  }
  return EXIT_OK;
}
