// Credentials in commands and headers: `curl -u user:password` (also `--user`, split over
// continued lines), `Authorization: Bearer|Token|Basic …` and the API-key headers
// (`X-Api-Key:`, `PRIVATE-TOKEN:`…), and the base64 `auth` of a Docker config.json.
import { decodeBase64Text } from "../decode/base64.js";
import { charClasses, looksRandom } from "../entropy.js";
import { matches } from "../pattern.js";
import { isPlaceholder, isReference } from "../placeholder.js";
import { type Hit, PRIORITY, type Rule } from "../rule.js";

/** A value that stands for a credential rather than being one: `$1`, `${X}`, `{{ x }}`, `<password>`. */
function standsIn(value: string): boolean {
  const v = value.replace(/^["']|["']$/g, "");
  return v === "" || isReference(v) || isPlaceholder(v) || /^[$%<[{]|[$]\{|\$\(|\{\{/.test(v) || /^(?:pass(?:word)?|pwd|token|secret|test|user(?:name)?|x+|\*+)$/i.test(v);
}

/** The password of `user:password` (quotes removed), or the user when it is the token (`-u sk_…:`). */
function secretOfUserinfo(raw: string): string | undefined {
  if (/^["']?[<[]|[>\]]["']?$/.test(raw)) return undefined; // <user:password>, [user:pass]
  const v = raw.replace(/["']/g, "");
  const colon = v.indexOf(":");
  if (colon < 0) return undefined;
  const user = v.slice(0, colon);
  const password = v.slice(colon + 1);
  if (password !== "") return password.length >= 3 && !standsIn(password) ? password : undefined;
  const tokenLike = looksRandom(user, 3.0) || (user.length >= 10 && charClasses(user) >= 3);
  return user.length >= 8 && !standsIn(user) && tokenLike ? user : undefined;
}

/** `curl … -u VALUE`, where curl starts the line or one of the five lines continued before it. */
const curlUser: Rule = {
  id: "curl-user-password",
  priority: PRIORITY.url + 2,
  anchors: ["-u ", "-u\t", "-u'", '-u"', "--user ", "--user="],
  *scan(text: string): Generator<Hit> {
    for (const m of matches(/(?<=[ \t])(?:-u|--user)(?:[ \t=]{1,5}|(?=["']))/g, text)) {
      const lineStart = text.lastIndexOf("\n", m.index) + 1;
      const before = text.slice(Math.max(0, lineStart - 600), m.index);
      if (!/\bcurl\b(?:[^\n]*\\\r?\n){0,5}[^\n]*$/.test(before)) continue;
      const start = m.index + m[0].length;
      const v = /^(?:"[^"\n]{1,256}"|'[^'\n]{1,256}'|[^\s"']{1,256})(?:(?:"[^"\n]{0,256}"|'[^'\n]{0,256}'|[^\s"']{1,256})){0,3}/.exec(text.slice(start, start + 1100));
      const secret = v ? secretOfUserinfo(v[0]) : undefined;
      if (secret) yield { index: start, secret, preview: "curl -u …:***" };
    }
  },
};

const HEADER = /(?:authorization|x-(?:[a-z]{1,20}-)?api-?key|api-key|x-(?:[a-z]{1,20}-)?(?:auth-)?token|private-token|x-vault-token)["']?[ \t]{0,4}[:=][ \t]{0,4}["']?/giy;

/** `Authorization: Bearer …` and API-key headers (in curl, HTTP files, code, JSON). */
const authHeader: Rule = {
  id: "authorization-header",
  priority: PRIORITY.url + 1,
  anchors: ["ization:", 'ization"', "ization'", "ization=", "ization =", "IZATION:", "IZATION=", "pi-Key", "pi-key", "PI-Key", "PI-KEY", "-ApiKey", "-apikey", "-APIKEY", "-Token", "-token", "-TOKEN"],
  *scan(text: string): Generator<Hit> {
    for (const m of matches(/(?<![A-Za-z])(?:[Aa]uthorization|AUTHORIZATION|[Xx]-(?:[A-Za-z]{1,20}-)?[Aa][Pp][Ii]-?[Kk][Ee][Yy]|[Aa][Pp][Ii]-[Kk][Ee][Yy]|[Xx]-(?:[A-Za-z]{1,20}-)?(?:[Aa]uth-)?[Tt]oken|X-(?:[A-Z]{1,20}-)?(?:AUTH-)?TOKEN|PRIVATE-TOKEN|Private-Token)/g, text)) {
      HEADER.lastIndex = m.index;
      const h = HEADER.exec(text);
      if (!h) continue;
      const start = m.index + h[0].length;
      const rest = text.slice(start, start + 600);
      const v = /^(?:(Bearer|Token|Bot|token|bearer|Basic|basic|Digest|ApiKey|Api-Token|Api-Key|SSWS|GenieKey|Splunk|Key|key)[ \t]+)?([\w=~@.+/:-]{8,512})/.exec(rest);
      if (!v) continue;
      const scheme = v[1]?.toLowerCase();
      const value = (v[2] as string).replace(/[.,:]+$/, "");
      const index = start + (v[0].length - (v[2] as string).length);
      if (scheme === "basic") {
        const decoded = decodeBase64Text(value);
        const secret = decoded !== undefined ? secretOfUserinfo(decoded) : undefined;
        // Not base64 of user:password: still a credential when it is a long random token.
        if (secret || (decoded === undefined && value.length >= 24 && looksRandom(value, 3.5))) yield { index, secret: value, rule: "basic-auth-header", preview: "Basic …" };
        continue;
      }
      if (scheme === "digest" || standsIn(value) || /^[A-Za-z]+$/.test(value) || value.length < 12) continue;
      if (charClasses(value) >= 2 && (looksRandom(value, 3.0) || /^[0-9a-f-]{32,36}$/i.test(value))) yield { index, secret: value };
    }
  },
};

/** Docker's config.json: `"auth": "<base64 of user:password>"`. */
const dockerAuth: Rule = {
  id: "docker-config-auth",
  priority: PRIORITY.provider,
  anchors: ['"auth"'],
  *scan(text: string): Generator<Hit> {
    for (const m of matches(/"auth"[ \t]{0,4}:[ \t]{0,4}"(?=([A-Za-z0-9+/=]{8,4096}))\1"/g, text)) {
      const value = m[1] as string;
      const decoded = decodeBase64Text(value);
      if (decoded && secretOfUserinfo(decoded)) yield { index: m.index + m[0].length - value.length - 1, secret: value, preview: '"auth": …' };
    }
  },
};

export const COMMAND_RULES: Rule[] = [curlUser, authHeader, dockerAuth];
