// What each bootstrap key means, for soulsync.yaml(5) and docs/configuration.md. The keys, types
// and defaults come from the schema itself; a test fails when a key has no line here.

export const BOOTSTRAP_DOC: Record<string, string> = {
  host_repo:
    "The host repo: a git source ({ url, ref, verify, credentials, interval }, like an agent's soul in host.yaml) that sync fetches and publishes, or { path: DIR } for a plain local directory read in place.",
  state_dir: "Where soulsync keeps its state: mirrors, snapshots, the published symlinks, status.json, the inventory and the embedded database. SOULSYNC_STATE_DIR overrides it.",
  driver: "freebsd runs the real commands (ifconfig, sysrc, pfctl, bastille, service); sim keeps a simulated host in sim_dir, for trying soulsync anywhere.",
  sim_dir: "Where the sim driver keeps its simulated host (state.json and a root/ for written files). Default <state_dir>/sim.",
  host_root: "Directory standing for / for the freebsd driver's file writes (a chroot, tests). Default /.",
  database_url:
    "The brain's PostgreSQL server (postgres://user@host/db); the password is never printed. SOULSYNC_DATABASE_URL, then DATABASE_URL override it. Absent: an embedded PostgreSQL (PGlite) in <state_dir>/pglite.",
  admin_database_url: "A connection allowed to create the agents' roles and databases (the database step). Default database_url.",
  keep_snapshots: "How many applied revisions per source keep their snapshots, for rollback. Default 3.",
  steps: "Which steps a sync runs after publishing, in pipeline order. Default all of network, pf, jails, database, import, render, service; [] is the source side only.",
  secrets_dir: "Host-local secrets, one file each, referenced by name from the host repo (credentials, webhook keys). Never in a repo.",
  secrets_allowlist: "A file of accepted secret-scanner fingerprints, one a line, # comments allowed. On the host, outside every repo an agent can write to.",
  triggers: "What starts a sync in the daemon.",
  "triggers.poll": "A cron schedule (node-cron syntax) for polling origins: the backstop for remote origins.",
  "triggers.jitter_seconds": "Up to this many seconds of random delay before each poll, so many hosts do not poll at once.",
  "triggers.watch": "Watch local bare origins' refs (loose refs and packed-refs) and sync when they move.",
  "triggers.debounce_ms": "Wait this long after a ref change for more before syncing.",
  "triggers.webhook": "The HTTP receiver for push notifications (forge webhooks and soulsync's own post-receive hook).",
  "triggers.webhook.listen": "host:port to listen on, e.g. the bridge gateway 10.0.1.1:8787.",
  "triggers.webhook.token_secret": "Name of the file in secrets_dir holding the bearer token.",
};
