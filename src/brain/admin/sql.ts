// SQL for the admin step, built purely: identifiers are validated, then double-quoted.
import { inputError } from "../../core/errors.js";

/** PostgreSQL identifiers soulsync creates: lowercase, digits, `_`, at most 63 bytes. */
export const PG_IDENT_RE = /^[a-z_][a-z0-9_]{0,62}$/;

/** Validates and double-quotes an identifier (quoting alone would be enough; validating keeps names predictable). */
export function quoteIdent(name: string): string {
  if (!PG_IDENT_RE.test(name)) throw inputError("E_PG_IDENT", `${JSON.stringify(name)} is not a safe PostgreSQL identifier`);
  return `"${name.replaceAll('"', '""')}"`;
}

type DbAction = { kind: "db.role.create"; role: string } | { kind: "db.database.create"; database: string; owner: string };

/** The statement of a database action, or undefined for any other action. */
export function sqlOf(a: { kind: string } & Partial<{ role: string; database: string; owner: string }>): string | undefined {
  const db = a as DbAction;
  if (db.kind === "db.role.create") return `CREATE ROLE ${quoteIdent(db.role)} LOGIN`;
  if (db.kind === "db.database.create") return `CREATE DATABASE ${quoteIdent(db.database)} OWNER ${quoteIdent(db.owner)}`;
  return undefined;
}
