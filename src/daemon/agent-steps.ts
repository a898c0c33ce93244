// The steps that follow a published soul (DESIGN §2): import skills and memories into the
// brain, then render the soul for every harness the agent runs under.
import { join } from "node:path";
import type { HostAgent, HostConfig } from "../config/agent/model.js";
import type { Bootstrap } from "../config/bootstrap.js";
import type { PipelineStep } from "../config/schema/bootstrap.js";
import { SoulsyncError } from "../core/errors.js";
import { redactUrls } from "../core/redact.js";
import type { HostHookResult, PostPublishStep, PublishedRevision } from "../git/steps.js";
import type { Soul } from "../soul/model.js";
import { HARNESSES, type HarnessName } from "../soul/schema/names.js";
import { digestOf } from "./digest.js";
import { onHost } from "./roots.js";

/** The agent's home on this host (default /home/<name>). */
export const agentHome = (a: HostAgent) => a.spec.home ?? `/home/${a.runtime.name}`;

/** The harnesses host.yaml asks for; the soul's manifest may switch some off. */
export const agentHarnesses = (a: HostAgent): HarnessName[] => (a.spec.harnesses === "all" ? [...HARNESSES] : [...a.spec.harnesses]);

function agentOf(host: HostConfig, p: PublishedRevision): HostAgent | undefined {
  return host.agents.find((a) => a.runtime.name === p.agent);
}

/** Loads the published snapshot; it was validated before publish, so errors here are bugs or tampering. */
async function loadPublishedSoul(p: PublishedRevision): Promise<Soul> {
  const { loadSoul } = await import("../soul/load.js");
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

function importStep(boot: Bootstrap, host: HostConfig, today: () => string, soulOf: SoulOf): PostPublishStep {
  return {
    name: "import",
    async run(p) {
      const a = agentOf(host, p);
      if (!a) return;
      const soul = await soulOf(p);
      const brain = await import("../brain/index.js");
      const target = brain.resolveBrainTarget({ env: process.env, configured: boot.database_url, stateDir: boot.state_dir });
      const b = await brain.openAgentBrain(target, a.runtime.name);
      try {
        await brain.importSoul(b, { soul, policy: a.spec.brain, locale: a.runtime.locales.assistant, revision: p.revision, today: today() });
      } finally {
        await b.close();
      }
    },
  };
}

function renderStep(boot: Bootstrap, host: HostConfig, soulOf: SoulOf): PostPublishStep {
  return {
    name: "render",
    async run(p) {
      const a = agentOf(host, p);
      if (!a) return;
      const soul = await soulOf(p);
      const { applyHarnesses, harnessPaths } = await import("../harness/index.js");
      const home = onHost(boot, agentHome(a));
      const result = await applyHarnesses({
        soul,
        harnesses: agentHarnesses(a),
        paths: harnessPaths(home, {}, join(home, ".colibri", "colibri.sqlite")),
        origin: { repo: redactUrls(a.spec.soul.url), revision: p.revision },
        mode: "apply",
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
    },
  };
}

/** Import then render, with a digest of each agent's inputs besides the soul (policy, locale, harnesses, home). */
export function agentSteps(boot: Bootstrap, host: HostConfig, today: () => string, enabled: ReadonlySet<PipelineStep>): HostHookResult {
  const keys = new Map(
    host.agents.map((a) => [
      a.runtime.name,
      digestOf({
        brain: a.spec.brain,
        locale: a.runtime.locales.assistant,
        harnesses: agentHarnesses(a),
        home: onHost(boot, agentHome(a)),
        database: boot.database_url ? redactUrls(boot.database_url) : "embedded",
      }),
    ]),
  );
  const soulOf = sharedSoul();
  const steps = [
    ...(enabled.has("import") ? [importStep(boot, host, today, soulOf)] : []),
    ...(enabled.has("render") ? [renderStep(boot, host, soulOf)] : []),
  ];
  return { steps, stepsKey: (agent) => keys.get(agent) };
}
