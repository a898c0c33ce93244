// The validated runtime configuration of one agent and of the whole host (from host.yaml + agents/*.env).
import type { AgentSpec, HostSpec } from "../schema/host.js";

/** The service jails an agent's .env can name (DESIGN §4). */
export const JAIL_ROLES = ["git", "cms", "ollama", "llama_cpp", "db"] as const;
export type JailRole = (typeof JAIL_ROLES)[number];

export interface AgentJail {
  role: JailRole;
  name: string;
  ip: string;
  /** The agent whose subnet holds the jail (differs from the agent for a shared jail). */
  owner: string;
}

export interface AgentRuntime {
  name: string;
  assistantName: string | undefined;
  /** Three octets, e.g. "10.0.1". */
  base: string;
  gateway: string;
  subnet: string;
  jails: AgentJail[];
  locales: { display: string | undefined; assistant: string | undefined; system: string | undefined };
  /** Every key of the .env as parsed (non-secret runtime configuration). */
  env: Record<string, string>;
  /** Path of the .env relative to the host repo. */
  envFile: string;
}

export interface HostAgent {
  spec: AgentSpec;
  runtime: AgentRuntime;
}

export interface HostConfig {
  dir: string;
  spec: HostSpec;
  agents: HostAgent[];
}
