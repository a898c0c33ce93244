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

export const urlCredentials: Rule = {
  id: "url-password",
  priority: PRIORITY.url,
  anchors: ["://"],
  *scan(text: string): Generator<Hit> {
    let consumed = 0;
    for (const m of matches(/:\/\//g, text)) {
      if (m.index < consumed) continue;
      let s = m.index;
      while (s > consumed && m.index - s < 24 && isSchemeChar(text[s - 1])) s--;
      const scheme = text.slice(s, m.index).toLowerCase();
      const start = m.index + 3;
      let at = start;
      while (at < text.length && at - start < 512 && !ENDS_USERINFO.has(text[at] as string)) at++;
      consumed = at;
      if (text[at] !== "@" || !/^[a-z]/.test(scheme)) continue;
      const userinfo = text.slice(start, at);
      const colon = userinfo.indexOf(":");
      if (colon < 0) continue;
      const user = userinfo.slice(0, colon);
      const password = decodeURIComponentSafe(userinfo.slice(colon + 1));
      if (password.length < 4 || isReference(password) || isPlaceholder(password)) continue;
      if (/^(?:x-oauth-basic|anonymous)$/i.test(password)) continue;
      const host = /^[^\s/?#"'`<>]{0,60}/.exec(text.slice(at + 1, at + 61))?.[0] ?? "";
      // Documentation hosts (RFC 2606) carry example credentials, not real ones.
      if (/^(?:[\w-]+\.)*example\.(?:com|org|net)(?::\d+)?$|\.(?:example|invalid|test)(?::\d+)?$/i.test(host)) continue;
      yield {
        index: start + colon + 1,
        secret: password,
        rule: SCHEME_RULES[scheme] ?? "url-password",
        preview: `${scheme}://${user}:***@${host}`,
      };
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
