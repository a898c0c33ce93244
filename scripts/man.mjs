// Writes man/soulsync.8 and man/soulsync.yaml.5 from the built definitions (run by `npm run man`);
// test/cli/man.test.ts fails when the committed pages differ from what this writes.
import { mkdirSync, writeFileSync } from "node:fs";
import { manPages } from "../dist/cli/man/pages.js";

mkdirSync("man", { recursive: true });
for (const [name, text] of Object.entries(manPages())) {
  writeFileSync(`man/${name}`, text);
  console.log(`wrote man/${name}`);
}
