// Secrets wrapped in another format or given by context (issue 12): encoded (base64 JWT,
// Kubernetes Secret data, Docker config.json auth, URL encoding, a .env inside a JSON string),
// in commands and headers (curl -u, Authorization), and in code and config forms (Make and PHP
// operators, setters, define, XML). Each positive names the line and rule; each trap must stay silent.
import type { Placed } from "./contexts.js";
import { ALNUM, B64, B64URL, type Rng, b64urlOf, checksummedToken } from "./random.js";

export interface WrappedCase extends Placed {
  rule: string;
}

const b64 = (s: string) => Buffer.from(s).toString("base64");
const password = (r: Rng) => `${r.pick(ALNUM, 10)}${r.pick("!#%^*-_", 1)}${r.pick("0123456789", 3)}`;
const token = (r: Rng) => r.pick(ALNUM, 32);
const jwt = (r: Rng) =>
  `${b64urlOf(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64urlOf(JSON.stringify({ sub: r.pick(ALNUM, 12), role: "service_role" }))}.${r.pick(B64URL, 43)}`;
/** A PKCS#8 body: the real DER prefix of an RSA key, then random bytes. */
const pkcs8 = (r: Rng) =>
  `-----BEGIN PRIVATE KEY-----\n${(`MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ${r.pick(B64, 718)}`.match(/.{1,64}/g) ?? []).join("\n")}\n-----END PRIVATE KEY-----\n`;

const k8s = (name: string, data: string[]) => ["apiVersion: v1", "kind: Secret", "metadata:", `  name: ${name}`, "type: Opaque", "data:", ...data, ""].join("\n");

export function wrappedCases(r: Rng): WrappedCase[] {
  const dockerConfig = JSON.stringify({ auths: { "registry.internal:5000": { auth: b64(`atlas:${password(r)}`) } } }, null, 2);
  return [
    { path: "config/jwt-b64.env", text: `AGENT_NAME=atlas\nSERVICE_JWT_B64=${b64(jwt(r))}\n`, line: 2, rule: "jwt" },
    { path: "deploy/db-secret.yaml", text: k8s("db", [`  username: ${b64("atlas")}`, `  password: ${b64(password(r))}`]), line: 8, rule: "secret-assignment" },
    { path: "deploy/tls-secret.yaml", text: k8s("tls", [`  tls.crt: ${b64("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")}`, `  tls.key: ${b64(pkcs8(r))}`]), line: 8, rule: "private-key" },
    { path: "deploy/gh-secret.yaml", text: k8s("gh", [`  GITHUB_TOKEN: ${b64(checksummedToken(r, "ghp_"))}`]), line: 7, rule: "github-pat" },
    { path: "deploy/pull-secret.yaml", text: k8s("pull", [`  .dockerconfigjson: ${b64(dockerConfig)}`]).replace("Opaque", "kubernetes.io/dockerconfigjson"), line: 7, rule: "docker-config-auth" },
    { path: "home/.docker/config.json", text: `${dockerConfig}\n`, line: 4, rule: "docker-config-auth" },
    { path: "notes/callback.txt", text: `Callback: https://bridge.internal/cb?state=1&next=%2Fsync%3Ftoken%3D${checksummedToken(r, "ghp_")}\n`, line: 1, rule: "github-pat" },
    {
      path: "config/container.json",
      text: `{\n  "image": "atlas:1.4",\n  "envFile": "AGENT_NAME=atlas\\nDB_PASSWORD=${password(r)}\\nLOCALE=sl-SI"\n}\n`,
      line: 3,
      rule: "secret-assignment",
    },
    { path: "skills/api/SKILL.md", text: `---\nname: api\ndescription: Calls the API.\n---\n\n\`\`\`sh\ncurl -s -u atlas:${password(r)} https://api.internal/v1/items\n\`\`\`\n`, line: 7, rule: "curl-user-password" },
    {
      path: "skills/api2/SKILL.md",
      text: `---\nname: api2\ndescription: Calls the API.\n---\n\n\`\`\`sh\ncurl -X POST https://api.internal/v1/items \\\n  -H 'Content-Type: application/json' \\\n  --user 'deploy:${password(r)}'\n\`\`\`\n`,
      line: 9,
      rule: "curl-user-password",
    },
    { path: "notes/http.txt", text: `GET /v1/items HTTP/1.1\nHost: api.internal\nAuthorization: Bearer ${r.pick(B64URL, 40)}\n`, line: 3, rule: "authorization-header" },
    { path: "notes/http2.txt", text: `curl -H "Authorization: Basic ${b64(`atlas:${password(r)}`)}" https://api.internal/\n`, line: 1, rule: "basic-auth-header" },
    { path: "skills/client/scripts/client.py", text: `import requests\n\nheaders = {"X-Api-Key": "${token(r)}"}\n`, line: 3, rule: "authorization-header" },
    { path: "Makefile", text: `APP := atlas\nDB_PASSWORD := ${password(r)}\n\nrun:\n\t./run.sh\n`, line: 2, rule: "secret-assignment" },
    { path: "config.mk", text: `API_TOKEN ?= ${token(r)}\n`, line: 1, rule: "secret-assignment" },
    { path: "web/config.php", text: `<?php\n$db_host = 'localhost';\n$db_password = '${password(r)}';\n`, line: 3, rule: "secret-assignment" },
    { path: "web/wp-config.php", text: `<?php\ndefine('DB_NAME', 'wiki');\ndefine('DB_PASSWORD', '${password(r)}');\n`, line: 3, rule: "secret-assignment" },
    { path: "skills/mail/scripts/Mail.java", text: `class Mail {\n  void init() {\n    client.setPassword("${password(r)}");\n  }\n}\n`, line: 3, rule: "secret-assignment" },
    { path: "skills/ai/scripts/setup.py", text: `import os\nos.environ["OPENAI_API_KEY"] = "${token(r)}"\n`, line: 2, rule: "secret-assignment" },
    { path: "config/app.xml", text: `<config>\n  <user>atlas</user>\n  <password>${password(r)}</password>\n</config>\n`, line: 3, rule: "secret-assignment" },
    { path: "config/app2.xml", text: `<config>\n  <password>\n    ${password(r)}\n  </password>\n</config>\n`, line: 3, rule: "secret-assignment" },
    { path: "NuGet.Config", text: `<configuration>\n  <packageSourceCredentials>\n    <feed>\n      <add key="Username" value="atlas" />\n      <add key="ClearTextPassword" value="${password(r)}" />\n    </feed>\n  </packageSourceCredentials>\n</configuration>\n`, line: 5, rule: "secret-assignment" },
  ];
}

/** Look-alikes in the same formats that are not secrets. */
export function wrappedTraps(r: Rng): Placed[] {
  return [
    { path: "deploy/placeholder-secret.yaml", text: k8s("db", [`  username: ${b64("atlas")}`, `  password: ${b64("changeme")}`]), line: 8 },
    { path: "deploy/configmap.yaml", text: ["apiVersion: v1", "kind: ConfigMap", "data:", `  motd: ${b64("Welcome to the bridge")}`, ""].join("\n"), line: 4 },
    { path: "home/.docker/empty.json", text: `${JSON.stringify({ auths: { "registry.internal": {} }, credsStore: "pass" }, null, 2)}\n`, line: 1 },
    { path: "notes/search.txt", text: "Search: https://docs.example.org/?q=token%20rotation%20policy&lang=sl\n", line: 1 },
    { path: "config/prose.json", text: `{"motd": "Welcome back.\\nThe password policy needs twelve characters.\\nAsk the operator."}\n`, line: 1 },
    { path: "skills/env-curl/SKILL.md", text: '```sh\ncurl -u "$API_USER:$API_PASSWORD" https://api.internal/\ncurl -H "Authorization: Bearer ${TOKEN}" https://api.internal/\nsort -u names.txt\n```\n', line: 2 },
    { path: "config/ref.xml", text: "<config>\n  <password>${DB_PASSWORD}</password>\n</config>\n", line: 2 },
    { path: "skills/code/scripts/Conn.java", text: "class Conn {\n  void init(String password) {\n    client.setPassword(password);\n  }\n}\n", line: 3 },
    { path: "notes/ids.env", text: `REQUEST_TOKEN_ID=${r.pick("0123456789abcdef", 8)}-${r.pick("0123456789abcdef", 4)}-4${r.pick("0123456789abcdef", 3)}-a${r.pick("0123456789abcdef", 3)}-${r.pick("0123456789abcdef", 12)}\nMAX_TOKENS=8192\n`, line: 1 },
    { path: "notes/www-auth.txt", text: 'WWW-Authenticate: Basic realm="bridge"\nAuthorization: Basic <credentials>\n', line: 1 },
  ];
}
