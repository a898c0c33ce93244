// The desired host, computed purely from a validated HostConfig: what every step should make true.
import { agentDbNames } from "../brain/admin/names.js";
import type { HostConfig } from "../config/agent/model.js";
import { renderEnvFile } from "./render/env-file.js";
import { contentHash } from "./render/hash.js";
import { renderPfFile } from "./render/pf.js";
import { renderRcScript } from "./render/rc-script.js";

export interface DesiredFile {
  path: string;
  content: string;
  hash: string;
  mode: number;
}

export interface Want {
  network: { bridge: string; gateways: { agent: string; cidr: string }[] };
  pf: { mode: "include" | "anchor"; conf: string; anchor: string; file: DesiredFile };
  jails: { agent: string; name: string; ip: string; gateway: string; release: string; bridge: string }[];
  database: { agent: string; role: string; databases: string[] }[];
  services: { agent: string; service: string; rc: DesiredFile; env: DesiredFile }[];
}

export const RC_DIR = "/usr/local/etc/rc.d";

/**
 * The agent's .env values plus the soul commit it should run, when one is published. The commit,
 * not the revision: a new tag on the commit that is already live changes nothing the agent reads,
 * so it does not restart the agent.
 */
function withSoul(env: Record<string, string>, soul: string | undefined): Record<string, string> {
  const commit = soul ? /([0-9a-f]{40})$/.exec(soul)?.[1] : undefined;
  return commit ? { ...env, SOULSYNC_SOUL_COMMIT: commit } : env;
}

const file = (path: string, content: string, mode: number): DesiredFile => ({ path, content, hash: contentHash(content), mode });

/**
 * Desired state for the whole host; `rcTemplate` is rc.d/agent.in. `souls` maps an agent to its
 * published soul revision: written into its .env, so a new soul restarts the service.
 */
export function desiredState(host: HostConfig, rcTemplate: string, souls: Record<string, string> = {}): Want {
  const h = host.spec.host;
  const agents = host.agents;
  const pfContent = renderPfFile({
    extIf: h.ext_if,
    bridge: h.bridge,
    subnets: agents.map((a) => ({ agent: a.runtime.name, subnet: a.runtime.subnet })),
  });
  return {
    network: { bridge: h.bridge, gateways: agents.map((a) => ({ agent: a.runtime.name, cidr: `${a.runtime.gateway}/24` })) },
    pf: { mode: h.pf.mode, conf: h.pf.conf, anchor: h.pf.anchor, file: file(h.pf.file, pfContent, 0o644) },
    jails: agents.flatMap((a) =>
      a.runtime.jails.map((j) => ({ agent: a.runtime.name, name: j.name, ip: j.ip, gateway: a.runtime.gateway, release: h.release, bridge: h.bridge })),
    ),
    database: agents.map((a) => ({ agent: a.runtime.name, ...agentDbNames(a.runtime.name) })),
    services: agents.map((a) => {
      const r = a.runtime;
      const home = a.spec.home ?? `/home/${r.name}`;
      const projectDir = a.spec.project_dir ?? `${home}/clawdie`;
      const system = r.locales.system;
      const env = [
        ...(system ? [`LANG=${system}`, `LC_ALL=${system}`] : []),
        ...(r.locales.display ? [`DISPLAY_LOCALE=${r.locales.display}`] : []),
        ...(r.locales.assistant ? [`ASSISTANT_LOCALE=${r.locales.assistant}`] : []),
      ];
      const rc = renderRcScript(rcTemplate, {
        name: r.name,
        assistant: r.assistantName ?? r.name,
        user: a.spec.user ?? r.name,
        projectDir,
        envFile: r.envFile,
        env,
        command: a.spec.command ?? `${projectDir}/start.sh`,
      });
      return {
        agent: r.name,
        service: r.name,
        rc: file(`${RC_DIR}/${r.name}`, rc, 0o755),
        // Non-secret by rule, and read by the agent user: world-readable like its rc.d script.
        env: file(`${projectDir}/.env`, renderEnvFile(withSoul(r.env, souls[r.name]), r.envFile), 0o644),
      };
    }),
  };
}
