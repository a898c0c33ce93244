// The local bootstrap file (not in git): where the host repo is and how this host runs soulsync.
import * as z from "zod";
import { sourceSpec } from "./source.js";

/** The reconcile steps of a sync pass, in their fixed order (DESIGN §2). */
export const PIPELINE_STEPS = ["network", "pf", "jails", "database", "import", "render", "service"] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/** `host:port` or `[v6]:port`; the daemon parses it again when it listens. */
const listenAddress = z.string().regex(/^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, "expected host:port, e.g. 127.0.0.1:8787");
const secretName = z.string().regex(/^[A-Za-z0-9._-]+$/, "a file name in secrets_dir");

export const bootstrapSpec = z.object({
  /** The host repo: a git source, or `path` for a plain local directory (simple setups, tests). */
  host_repo: z.union([sourceSpec, z.object({ path: z.string().min(1) })]),
  state_dir: z.string().min(1).default("/var/db/soulsync"),
  driver: z.enum(["freebsd", "sim"]).default("freebsd"),
  /** Where the sim driver keeps its simulated host (default <state_dir>/sim). */
  sim_dir: z.string().min(1).optional(),
  /** Directory standing for "/" for the freebsd driver's file writes (chroots, tests); default "/". */
  host_root: z.string().min(1).optional(),
  /** system_ops database; absent → embedded PostgreSQL (PGlite) in <state_dir>/pglite. */
  database_url: z.string().min(1).optional(),
  /** Admin connection used to create per-agent roles and databases (default: database_url). */
  admin_database_url: z.string().min(1).optional(),
  /** How many applied revisions per source keep their snapshots (for rollback); default 3. */
  keep_snapshots: z.number().int().min(1).max(100).optional(),
  /**
   * What `sync` does after publishing, in pipeline order; default every step. Leave some out on a
   * host where, say, the network and pf are managed by other means, or `[]` for the source side only.
   */
  steps: z.array(z.enum(PIPELINE_STEPS)).optional(),
  /** Host-local secrets: one file per secret, referenced by name from the host repo. */
  secrets_dir: z.string().min(1).default("/usr/local/etc/soulsync/secrets"),
  /** Fingerprints of accepted secret-scanner findings (host-side, never in a repo). */
  secrets_allowlist: z.string().min(1).optional(),
  triggers: z
    .object({
      poll: z.string().default("*/5 * * * *").describe("cron schedule for polling remote origins"),
      jitter_seconds: z.number().int().min(0).max(3600).default(30),
      watch: z.boolean().default(true).describe("watch local bare repos for ref changes"),
      debounce_ms: z.number().int().min(0).max(60_000).default(30),
      /** The HTTP receiver for post-receive notifications and forge push webhooks (HMAC-signed). */
      webhook: z
        .object({
          listen: listenAddress.describe("host:port, e.g. the bridge gateway 10.0.1.1:8787; port 0 = ephemeral"),
          key_secret: secretName.default("webhook.key").describe("file in secrets_dir holding the HMAC key"),
          max_body_bytes: z.number().int().min(1024).max(16 * 1024 * 1024).default(262_144),
          rate_per_minute: z.number().int().min(1).max(100_000).default(120),
        })
        // Strict, so a leftover bearer-token `token_secret` is an error rather than silently unused.
        .strict()
        .optional(),
    })
    .default({ poll: "*/5 * * * *", jitter_seconds: 30, watch: true, debounce_ms: 30 }),
  daemon: z
    .object({
      concurrency: z.number().int().min(1).max(256).default(4).describe("agents run in parallel up to this"),
      brain_idle_seconds: z.number().int().min(0).max(86_400).default(60).describe("an unused brain connection closes after this long"),
      max_open_brains: z.number().int().min(1).max(1000).default(8).describe("brains kept open at most (an embedded one holds ~30 MB, the first ~130 MB)"),
    })
    .default({ concurrency: 4, brain_idle_seconds: 60, max_open_brains: 8 }),
  /** Prometheus text at GET /metrics; absent = off. */
  metrics: z
    .object({
      listen: listenAddress.describe("host:port on loopback, e.g. 127.0.0.1:9464"),
      allow_non_loopback: z.boolean().default(false).describe("serve metrics on a non-loopback address"),
    })
    .strict()
    .optional(),
});
export type BootstrapSpec = z.infer<typeof bootstrapSpec>;
