// Imports one revision of a validated soul into an agent's brain: select by policy, plan
// against what exists, apply in one transaction per database (one in all on PGlite) under a
// per-agent advisory lock, and only then record the revision as applied in system_ops.
import type { BrainPolicy } from "../../config/schema/host.js";
import { transientError } from "../../core/errors.js";
import { testPause } from "../../core/test-pause.js";
import { LOCK, advisoryXactLock } from "../db/lock.js";
import type { Soul } from "../../soul/model.js";
import type { AgentBrain } from "../open.js";
import { logEvent, markApplied, readApplied } from "../ops/state.js";
import { applyMemoryActions } from "../store/apply-memories.js";
import { applySkillActions } from "../store/apply-skills.js";
import { deleteTainted, readTainted, type Tainted, taintedCount, vacuumTainted } from "../store/forget.js";
import { readExistingMemories, readExistingSkills, readTextSearchConfigs } from "../store/read.js";
import { inTransactions } from "../store/transactions.js";
import { parallelVectorize } from "../store/tsvectors.js";
import { textSearchConfigFor } from "./locale.js";
import { type ImportPlan, planImport, summarizePlan } from "./plan.js";
import { selectImportable } from "./policy.js";
import { contentRevision, desiredRows } from "./rows.js";

export const IMPORT_STEP = "brain-import";

export interface ImportOptions {
  soul: Soul;
  /** The host's brain policy for this agent. */
  policy: BrainPolicy;
  /** `<ref>@sha1:<commit>`; default: the soul's commit, else a digest of the imported content. */
  revision?: string;
  /** The system_ops source name the revision is recorded under. Default "soul". */
  source?: string;
  /** ASSISTANT_LOCALE, e.g. `de-DE`; picks the text-search configuration. */
  locale?: string;
  /** YYYY-MM-DD; memories that expired before it are left out. */
  today: string;
  /** How long to wait for another process importing the same agent (ms). Default 30 s. */
  lockTimeoutMs?: number;
  /** Test seam: runs inside the transaction after every write, before anything commits. */
  beforeCommit?: () => Promise<void>;
}

export interface ImportReport {
  agent: string;
  revision: string;
  tsConfig: string;
  /** Rows inserted, updated, deleted or retired across memories, chunks and skills. */
  rowsWritten: number;
  actions: ReturnType<typeof summarizePlan>;
  skipped: { private: number; expired: number; policy: number; skills: number };
  memories: number;
  skills: number;
  /** False when the brain already matched (nothing written). */
  changed: boolean;
  /** The revision recorded as applied before this import. */
  previousRevision: string | undefined;
  /** Rows retired or rewritten whose old content carried a secret: deleted (retired ones) and their tables vacuumed. */
  forgotten: number;
}

/** What a revision should put in the brain: selection, rows, revision label and text-search config. */
async function prepare(brain: AgentBrain, o: ImportOptions) {
  const selection = selectImportable(o.soul, o.policy, o.today);
  const rows = desiredRows(selection, o.soul.manifest.provenance.created);
  const revision = o.revision ?? (o.soul.commit ? `HEAD@sha1:${o.soul.commit}` : contentRevision("tree", rows));
  const tsConfig = textSearchConfigFor(o.locale, await readTextSearchConfigs(brain.brain));
  return { selection, rows, revision, tsConfig };
}

/** The plan an import would apply now, without writing anything (for --dry-run). */
export async function previewImport(brain: AgentBrain, o: ImportOptions): Promise<ImportPlan> {
  const { rows, revision, tsConfig } = await prepare(brain, o);
  const existing = { memories: await readExistingMemories(brain.brain, brain.agent), skills: await readExistingSkills(brain.skills, brain.agent) };
  return planImport({ agent: brain.agent, revision, tsConfig, memories: rows.memories, skills: rows.skills }, existing);
}

/** Imports `soul` into `brain`; idempotent, atomic per revision, serialised per agent. */
export async function importSoul(brain: AgentBrain, o: ImportOptions): Promise<ImportReport> {
  const agent = brain.agent;
  const source = o.source ?? "soul";
  const { selection, rows, revision, tsConfig } = await prepare(brain, o);

  let tainted: Tainted | undefined;
  const report = await inTransactions([brain.ops, brain.brain, brain.skills], async ([ops, mem, skl]): Promise<ImportReport> => {
    await advisoryXactLock(ops!, LOCK.import, agent, o.lockTimeoutMs ?? 30_000, () =>
      transientError("E_BRAIN_LOCKED", `another process is importing agent "${agent}"; try again later`, { agent }),
    );
    const previous = await readApplied(ops!, agent, source, IMPORT_STEP);
    const existing = { memories: await readExistingMemories(mem!, agent), skills: await readExistingSkills(skl!, agent) };
    const plan: ImportPlan = planImport({ agent, revision, tsConfig, memories: rows.memories, skills: rows.skills }, existing);
    let rowsWritten = 0;
    if (plan.actions.length > 0) {
      tainted = await readTainted(mem!, skl!, plan);
      rowsWritten += await applyMemoryActions(mem!, plan, parallelVectorize(brain.brain, tsConfig));
      rowsWritten += await applySkillActions(skl!, plan);
      rowsWritten += await deleteTainted(mem!, skl!, agent, tainted);
      await mem!.query(
        `INSERT INTO system_brain.settings (agent, key, value) VALUES ($1, 'ts_config', $2)
         ON CONFLICT (agent, key) DO UPDATE SET value = EXCLUDED.value WHERE system_brain.settings.value <> EXCLUDED.value`,
        [agent, tsConfig],
      );
    }
    const actions = summarizePlan(plan);
    if (previous?.revision !== revision || plan.actions.length > 0) {
      await markApplied(ops!, agent, source, IMPORT_STEP, revision);
      const forgotten = tainted ? taintedCount(tainted) : 0;
      await logEvent(ops!, { agent, source, kind: "brain.import", message: `imported ${revision}`, data: { actions, rowsWritten, forgotten } });
    }
    await o.beforeCommit?.();
    testPause("import.commit");
    return {
      agent,
      revision,
      tsConfig,
      rowsWritten,
      actions,
      skipped: selection.skipped,
      memories: rows.memories.length,
      skills: rows.skills.length,
      changed: plan.actions.length > 0,
      previousRevision: previous?.revision,
      forgotten: tainted ? taintedCount(tainted) : 0,
    };
  });
  // A crash before this leaves the dead tuples to the next import that forgets, or to VACUUM FULL by hand.
  if (tainted && taintedCount(tainted) > 0) await vacuumTainted(brain.brain, brain.skills, tainted);
  return report;
}
