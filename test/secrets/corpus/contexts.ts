// Places a value the way it appears in a soul or host repo: an .env line, YAML, JSON, TOML,
// Markdown prose, a fenced code block in a skill, or memory front matter.
import type { Context } from "./kinds.js";

export interface Placed {
  path: string;
  text: string;
  /** 1-based line of the value's first character. */
  line: number;
}

const snake = (k: string) => k.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
const camel = (k: string) => snake(k).replace(/[_ ]([a-z])/g, (_, c: string) => c.toUpperCase());
const label = (k: string) => snake(k).replace(/_/g, " ");

/** Lines before the value, then the value's line(s), then lines after. */
function build(path: string, before: string[], value: string[], after: string[]): Placed {
  return { path, text: [...before, ...value, ...after].join("\n"), line: before.length + 1 };
}

export function place(context: Context, key: string, value: string, n: number, block = false): Placed {
  const v = value.split("\n");
  switch (context) {
    case "env":
      return build(`agents/agent${n}.env`, ["# runtime configuration", "AGENT_NAME=atlas", "SYSTEM_LOCALE=sl_SI.UTF-8"], [`${key}=${value}`], ["DISPLAY_LOCALE=sl-SI", ""]);
    case "yaml":
      return block
        ? build(`config/tls${n}.yaml`, ["tls:", `  ${snake(key)}: |`], v.map((l) => `    ${l}`), ["  enabled: true", ""])
        : build(`config/services${n}.yaml`, ["services:", "  bridge:", "    listen: 10.0.1.1:8787"], [`    ${snake(key)}: ${value}`], ["    retries: 3", ""]);
    case "json":
      return build(`config/settings${n}.json`, ["{", '  "agent": "atlas",'], [`  "${camel(key)}": ${JSON.stringify(value)},`], ['  "locale": "sl-SI"', "}", ""]);
    case "toml":
      return build(`config/agent${n}.toml`, ["[agent]", 'name = "atlas"', "", "[auth]"], [`${snake(key)} = "${value}"`], ["timeout = 30", ""]);
    case "prose":
      return build(
        `memories/curated/note-${n}.md`,
        ["---", "title: Deploy notes", "topics: [deploy, bridge]", "importance: 3", "---", "", "# What happened", ""],
        [`During the migration the operator pasted the ${label(key)} ${value} into the chat.`],
        ["", "I should have asked for a reference to the secrets directory instead.", ""],
      );
    case "code":
      return block
        ? build(`skills/deploy-${n}/SKILL.md`, ["---", `name: deploy-${n}`, "description: Deploys the agent's services.", "---", "", "Install the key:", "", "```"], v, ["```", ""])
        : build(
            `skills/deploy-${n}/SKILL.md`,
            ["---", `name: deploy-${n}`, "description: Deploys the agent's services.", "---", "", "Run this before deploying:", "", "```sh"],
            [`export ${key}="${value}"`],
            ["./deploy.sh --env production", "```", ""],
          );
    case "script":
      return build(`skills/sync-${n}/scripts/sync.js`, ["// Syncs the agent's notes.", 'import { sync } from "./lib.js";', ""], [`const ${camel(key)} = "${value}";`], [`await sync({ ${camel(key)} });`, ""]);
    case "frontmatter":
      return build(`memories/curated/fm-${n}.md`, ["---", "title: Service access", "topics: [ops]"], [`${snake(key)}: ${value}`], ["---", "", "The service is reachable from the bridge.", ""]);
  }
}
