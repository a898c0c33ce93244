// Credentials in URLs: connection strings with a password (postgres, mysql, mongodb, redis, amqp)
// and any other `scheme://user:password@host`.
import { matches } from "../pattern.js";
import { isPlaceholder, isReference } from "../placeholder.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";
import { charTest } from "./provider.js";

const SCHEME_RULES: Record<string, string> = {
  postgres: "postgres-connection-string",
  postgresql: "postgres-connection-string",
  mysql: "mysql-connection-string",
  mariadb: "mysql-connection-string",
  "mysql+pymysql": "mysql-connection-string",
  "postgresql+psycopg": "postgres-connection-string",
  "postgresql+psycopg2": "postgres-connection-string",
  "postgresql+asyncpg": "postgres-connection-string",
  mongodb: "mongodb-connection-string",
  "mongodb+srv": "mongodb-connection-string",
  redis: "redis-connection-string",
  rediss: "redis-connection-string",
  amqp: "amqp-connection-string",
  amqps: "amqp-connection-string",
};

const isSchemeChar = charTest("A-Za-z0-9+.\\-");
/** Characters that end the user-info part of a URL. */
const ENDS_USERINFO = new Set([..." \t\r\n/?@\"'`<>()[]{}|\\"]);

/**
 * The URL whose "://" is at `index`. The scheme is read back at most 24 characters and the
 * user-info forward at most 512, stopping at "/", which every further "://" contains: the work
 * per anchor is bounded by the distance to the next one, so a whole scan stays linear.
 */
function credentialAt(text: string, index: number): Hit | undefined {
  let s = index;
  while (s > 0 && index - s < 24 && isSchemeChar(text[s - 1])) s--;
  const scheme = text.slice(s, index).toLowerCase();
  const start = index + 3;
  let at = start;
  while (at < text.length && at - start < 512 && !ENDS_USERINFO.has(text[at] as string)) at++;
  if (text[at] !== "@" || !/^[a-z]/.test(scheme)) return undefined;
  const userinfo = text.slice(start, at);
  const colon = userinfo.indexOf(":");
  if (colon < 0) return undefined;
  const user = userinfo.slice(0, colon);
  const password = decodeURIComponentSafe(userinfo.slice(colon + 1));
  if (password.length < 4 || isReference(password) || isPlaceholder(password)) return undefined;
  if (/^(?:x-oauth-basic|anonymous)$/i.test(password)) return undefined;
  const host = /^[^\s/?#"'`<>]{0,60}/.exec(text.slice(at + 1, at + 61))?.[0] ?? "";
  // Documentation hosts (RFC 2606) carry example credentials, not real ones.
  if (/^(?:[\w-]+\.)*example\.(?:com|org|net)(?::\d+)?$|\.(?:example|invalid|test)(?::\d+)?$/i.test(host)) return undefined;
  return { index: start + colon + 1, secret: password, rule: SCHEME_RULES[scheme] ?? "url-password", preview: `${scheme}://${user}:***@${host}` };
}

export const urlCredentials: Rule = {
  id: "url-password",
  priority: PRIORITY.url,
  anchors: ["://"],
  at: credentialAt,
  *scan(text: string): Generator<Hit> {
    for (const m of matches(/:\/\//g, text)) {
      const h = credentialAt(text, m.index);
      if (h) yield h;
    }
  },
};

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
