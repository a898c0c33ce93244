// Plain regular expressions for names, free of zod so the CLI can check them without loading it.

/**
 * The AGENT_NAME rule: safe as an rc.d service name, tmux session, jail prefix and
 * PostgreSQL role/database name. Lowercase letter first, then [a-z0-9_], at most 32 chars
 * (so derived names such as `<name>_system_brain` stay under PostgreSQL's 63-byte limit).
 */
export const AGENT_NAME_RE = /^[a-z][a-z0-9_]{0,31}$/;

/** Agent Skills names: 1–64 of [a-z0-9-], no leading, trailing or doubled hyphen. */
export const SKILL_NAME_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
