// The body of `soulsync brain scan`: what an agent's brain stores, scanned like a revision.
import { checkAgentName, describeTarget, listBrainAgents, openAgentBrain, readStoredTexts } from "../../brain/index.js";
import { type Finding, scanFiles } from "../../secrets/api.js";
import { loadAllowlist } from "../../secrets/load-allowlist.js";
import { EXIT_FAILED, EXIT_OK } from "../exit.js";
import type { Output } from "../output.js";
import type { BrainScanOptions } from "./brain.js";
import { target } from "./brain.run.js";
import { findingJson, formatFinding } from "./scan.run.js";

interface AgentScan {
  agent: string;
  findings: Array<Finding & { retired: boolean }>;
  rows: number;
  bytes: number;
}

export async function runBrainScan(o: Output, opts: BrainScanOptions): Promise<number> {
  const where = await target(opts);
  const allow = await loadAllowlist(opts.allowlist, opts.config);
  const agents = opts.agent ? [checkAgentName(opts.agent)] : await listBrainAgents(where);
  const scans: AgentScan[] = [];
  for (const agent of agents) {
    const b = await openAgentBrain(where, agent, { create: false });
    try {
      const texts = await readStoredTexts(b.brain, b.skills, agent);
      const retired = new Set(texts.filter((t) => t.retired).map((t) => t.path));
      const result = scanFiles(texts.map((t) => ({ path: t.path, data: t.data, commit: t.revision })), { allow });
      scans.push({ agent, findings: result.findings.map((f) => ({ ...f, retired: retired.has(f.file) })), rows: result.files, bytes: result.bytes });
    } finally {
      await b.close();
    }
  }
  const total = scans.reduce((n, s) => n + s.findings.length, 0);
  if (opts.json) {
    o.json({
      target: describeTarget(where),
      agents: scans.map((s) => ({ agent: s.agent, texts: s.rows, bytes: s.bytes, findings: s.findings.map((f) => ({ ...findingJson(f), retired: f.retired })) })),
    });
  } else {
    if (scans.length === 0) o.err(`no agent brains in ${describeTarget(where)}`);
    for (const s of scans) {
      for (const f of s.findings) o.out(`${s.agent}: ${formatFinding(f, o)}${f.retired ? " [retired]" : ""}`);
      const n = s.findings.length;
      const summary = `${s.agent}: scanned ${s.rows} stored text${s.rows === 1 ? "" : "s"} (${s.bytes} bytes): ${n} finding${n === 1 ? "" : "s"}`;
      o.err(n === 0 ? o.colors.green(summary) : o.colors.red(summary));
    }
    if (total > 0) o.err("remove the secret from the soul, rotate it, and import again (soulsync brain import / sync)");
  }
  return total === 0 ? EXIT_OK : EXIT_FAILED;
}
