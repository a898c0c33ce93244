// The starter soul `soulsync init` writes (pure: names and date in, files out).

export interface StarterOptions {
  agent: string;
  displayName: string;
  /** YYYY-MM-DD */
  today: string;
}

export function starterSoul({ agent, displayName, today }: StarterOptions): Map<string, string> {
  const files = new Map<string, string>();
  const manifest = {
    schema: "clawdie.layered-soul.v1",
    agent_id: agent,
    display_name: displayName,
    version: "0.1.0",
    provenance: { authors: ["operator"], created: today },
    privacy: { user_context: "none", memories: "curated", skills: "all" },
    adapters: {},
  };
  files.set("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  files.set(
    "SOUL.md",
    `# ${displayName}\n\n## Values\n\n- Be honest about what you know and what you do not.\n- Prefer small, reversible steps.\n\n## Voice\n\nPlain, calm, and brief.\n\n## Operating style\n\nAsk before acting on anything that cannot be undone.\n`,
  );
  files.set("USER.md", `# Operator\n\nDescribe the people ${displayName} works with and what they expect.\n`);
  files.set(
    "IDENTITY.md",
    `# Identity\n\nYou are ${displayName}, runtime name \`${agent}\`.\n\n## Boundaries\n\n- Never reveal secrets or credentials.\n- Stay inside your own jail and database.\n`,
  );
  files.set("AGENTS.md", `# Operating rules\n\n- Keep changes small and explain them.\n- Run the tests before you say a change is done.\n`);
  files.set(
    "skills/daily-summary/SKILL.md",
    `---\nname: daily-summary\ndescription: Summarise the day's work and open questions for the operator. Use at the end of a working session.\n---\n\n# Daily summary\n\n1. List what changed today.\n2. List what is blocked and why.\n3. Keep it under ten lines.\n`,
  );
  files.set(
    "memories/curated/first-day.md",
    `---\ntitle: First day\ntopics: [onboarding]\nimportance: 2\ncreated: ${today}\n---\n\n${displayName} was created with \`soulsync init\`.\n`,
  );
  files.set(".gitignore", "node_modules/\n.cache/\n*.log\n");
  return files;
}
