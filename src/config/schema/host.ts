// host.yaml in the host repo: the agents on this host, their soul sources, harnesses,
// brain import policy, and host-wide network/pf/jail settings (DESIGN §4).
import * as z from "zod";
import { agentName, harnessName, skillName } from "../../soul/schema/names.js";
import { agentDir } from "./checked.js";
import { sourceSpec } from "./source.js";

const ifName = z.string().regex(/^[a-z][a-z0-9_.]{0,14}$/, "must be a FreeBSD interface name");
const absPath = z.string().regex(/^\/[A-Za-z0-9._/@+-]*$/, "must be an absolute path of safe characters");

export const brainPolicy = z.object({
  memories: z.enum(["curated", "none"]).default("curated"),
  skills: z.union([z.enum(["all", "none"]), z.array(skillName)]).default("all"),
  user_context: z.boolean().default(false),
});
export type BrainPolicy = z.infer<typeof brainPolicy>;

export const agentSpec = z.object({
  name: agentName,
  /** Runtime .env in the host repo; default agents/<name>.env. */
  env: z.string().regex(/^[A-Za-z0-9._/-]+\.env$/).optional(),
  soul: sourceSpec,
  harnesses: z.union([z.literal("all"), z.array(harnessName)]).default("all"),
  brain: brainPolicy.default({ memories: "curated", skills: "all", user_context: false }),
  /** Home directory the harness files are rendered into (default /home/<name>). */
  home: agentDir.optional(),
  /** The agent's project directory, where its non-secret .env is written (default /home/<name>/clawdie). */
  project_dir: agentDir.optional(),
  /** Unix user the service runs as (default <name>). */
  user: agentName.optional(),
  /** Installed harness versions, where a harness's paths changed between releases (default: each binary's --version). */
  harness_versions: z.partialRecord(harnessName, z.string().regex(/^\d+\.\d+(\.\d+)?$/, "must be a version like 0.98.0")).optional(),
  /** Command the rc.d service supervises (default: the Clawdie start script in project_dir). */
  command: z.string().max(500).optional(),
});
export type AgentSpec = z.infer<typeof agentSpec>;

export const pfSettings = z.object({
  mode: z.enum(["include", "anchor"]).default("include"),
  /** The managed file (include mode) or the rules file loaded into the anchor. */
  file: absPath.default("/etc/pf.warden.conf"),
  anchor: z.string().regex(/^[A-Za-z0-9_/-]{1,64}$/).default("soulsync"),
  /** The main ruleset checked and loaded in include mode. */
  conf: absPath.default("/etc/pf.conf"),
  /** Whether one agent's subnet may reach another's through the host: deny (default) renders block rules. */
  cross_agent: z.enum(["deny", "allow"]).default("deny"),
});

export const hostSpec = z.object({
  version: z.literal(1),
  host: z
    .object({
      name: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,62}$/).optional(),
      ext_if: ifName.default("vtnet0"),
      bridge: ifName.default("warden0"),
      release: z.string().regex(/^\d+\.\d+-(RELEASE|STABLE|CURRENT|BETA\d*|RC\d*)(-p\d+)?$/).default("14.3-RELEASE"),
      pf: pfSettings.default({ mode: "include", file: "/etc/pf.warden.conf", anchor: "soulsync", conf: "/etc/pf.conf", cross_agent: "deny" }),
    })
    .default({
      ext_if: "vtnet0",
      bridge: "warden0",
      release: "14.3-RELEASE",
      pf: { mode: "include", file: "/etc/pf.warden.conf", anchor: "soulsync", conf: "/etc/pf.conf", cross_agent: "deny" },
    }),
  agents: z.array(agentSpec).min(1),
});
export type HostSpec = z.infer<typeof hostSpec>;
