// The steps that follow a published soul (DESIGN §2): import skills and memories into the
// brain, render the soul for every harness the agent runs under, then reconcile the agent's
// service. Each has a key of what it depends on besides the soul, so a change to one agent's
// host settings re-runs only the steps it touches.
import { join } from "node:path";
import type { HostAgent, HostConfig } from "../../config/agent/model.js";
import type { Bootstrap } from "../../config/bootstrap.js";
import type { PipelineStep } from "../../config/schema/bootstrap.js";
import { SoulsyncError } from "../../core/errors.js";
import { redactUrls } from "../../core/redact.js";
import type { Soul } from "../../soul/model.js";
import { HARNESSES, type HarnessName } from "../../soul/schema/names.js";
import { digestOf } from "../digest.js";
import { hostPath, onHost } from "../roots.js";
import type { BrainPool } from "./brain-pool.js";
import type { PostPublishStep, PublishedRevision } from "./types.js";

/** The agent's home on this host (default /home/<name>). */
export const agentHome = (a: HostAgent) => a.spec.home ?? `/home/${a.runtime.name}`;

/** The harnesses host.yaml asks for; the soul's manifest may switch some off. */
export const agentHarnesses = (a: HostAgent): HarnessName[] => (a.spec.harnesses === "all" ? [...HARNESSES] : [...a.spec.harnesses]);

function agentOf(host: HostConfig, p: PublishedRevision): HostAgent | undefined {
  return host.agents.find((a) => a.runtime.name === p.agent);
}

/** Loads the published snapshot; it was validated before publish, so errors here are bugs or tampering. */
async function loadPublishedSoul(p: PublishedRevision): Promise<Soul> {
  const { loadSoul } = await import("../../soul/load.js");
  const { soul, problems } = await loadSoul({ dir: p.dir });
  if (!soul) {
    const first = problems.find((x) => x.severity === "error");
    throw new SoulsyncError("E_SOUL_INVALID", `published snapshot ${p.revision} does not validate: ${first?.file}:${first?.line}: ${first?.code}`, { kind: "input" });
  }
  return { ...soul, commit: p.commit };
}

type SoulOf = (p: PublishedRevision) => Promise<Soul>;

/** Both steps read the same snapshot: load and parse it once per revision. */
function sharedSoul(): SoulOf {
  const loaded = new Map<string, Promise<Soul>>();
  return (p) => {
    let soul = loaded.get(p.dir);
    if (!soul) {
      soul = loadPublishedSoul(p);
      loaded.set(p.dir, soul);
    }
    return soul;
  };
}

export interface AfterPublishContext {
  boot: Bootstrap;
  host: HostConfig;
  today: () => string;
  brains: BrainPool;
  /** The service step for an agent (host-side, under the host lock); absent when disabled. */
  service?: (agent: HostAgent) => PostPublishStep;
}

function importStep(c: AfterPublishContext, soulOf: SoulOf): PostPublishStep {
  return {
    name: "import",
    parallel: true,
    key: (p) => {
      const a = agentOf(c.host, p);
      return a && digestOf({ brain: a.spec.brain, locale: a.runtime.locales.assistant, database: c.boot.database_url ? redactUrls(c.boot.database_url) : "embedded" });
    },
    async run(p) {
      const a = agentOf(c.host, p);
      if (!a) return;
      const soul = await soulOf(p);
      const { importSoul } = await import("../../brain/index.js");
      const r = await c.brains.use(a.runtime.name, (b) =>
        importSoul(b, { soul, policy: a.spec.brain, locale: a.runtime.locales.assistant, revision: p.revision, today: c.today() }),
      );
      return { memories: r.memories, skills: r.skills, rowsWritten: r.rowsWritten };
    },
  };
}

function renderStep(c: AfterPublishContext, soulOf: SoulOf): PostPublishStep {
  const boot = c.boot;
  return {
    name: "render",
    parallel: true,
    key: (p) => {
      const a = agentOf(c.host, p);
      return (
        a &&
        digestOf({
          harnesses: agentHarnesses(a),
          home: onHost(boot, agentHome(a)),
          revision: p.revision,
          projectDir: a.spec.project_dir ?? null,
          harnessVersions: a.spec.harness_versions ?? null,
        })
      );
    },
    async run(p) {
      const a = agentOf(c.host, p);
      if (!a) return;
      const soul = await soulOf(p);
      const { applyHarnesses, harnessPaths, detectVersions, hostVersions, recordedVersions } = await import("../../harness/index.js");
      const home = onHost(boot, agentHome(a));
      const harnesses = agentHarnesses(a);
      const result = await applyHarnesses({
        soul,
        harnesses,
        paths: harnessPaths(home, {}, join(home, ".colibri", "colibri.sqlite")),
        origin: { repo: redactUrls(a.spec.soul.url), revision: p.revision },
        mode: "apply",
        // project_dir is checked for files that shadow the rendered soul; versions pick the paths each harness reads.
        projectDir: onHost(boot, a.spec.project_dir ?? `${agentHome(a)}/clawdie`),
        versions: await detectVersions(harnesses, hostVersions(a.spec.harness_versions), { PATH: hostPath(boot) }, await recordedVersions(home)),
        force: p.force === true,
      });
      const errors = result.problems.filter((x) => x.severity === "error");
      if (errors.length > 0) {
        const e = errors[0]!;
        throw new SoulsyncError("E_RENDER", `${errors.length} render problem(s), first ${e.file}:${e.line}:${e.column}: ${e.code} ${e.message}`, {
          kind: "input",
          data: { problems: errors },
        });
      }
      const written = result.applied.filter((x) => x.kind === "file.write" || x.kind === "colibri.upsert").length;
      return { files: written, removed: result.applied.filter((x) => x.kind === "file.remove" || x.kind === "colibri.delete").length };
    },
  };
}

/** The steps after publish for one agent, in pipeline order, as the bootstrap enables them. */
export function afterPublishSteps(c: AfterPublishContext, agent: string, enabled: ReadonlySet<PipelineStep>): PostPublishStep[] {
  const a = c.host.agents.find((x) => x.runtime.name === agent);
  const soulOf = sharedSoul();
  return [
    ...(enabled.has("import") ? [importStep(c, soulOf)] : []),
    ...(enabled.has("render") ? [renderStep(c, soulOf)] : []),
    ...(enabled.has("service") && a && c.service ? [c.service(a)] : []),
  ];
}
