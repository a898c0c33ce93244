// The committed soul-schema/ must be what the code generates.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { serializeSchema, soulJsonSchemas } from "../../src/soul/schema/json-schema.js";
import { ROOT } from "../helpers/cli.js";

describe("soul-schema/", () => {
  for (const [name, schema] of Object.entries(soulJsonSchemas())) {
    it(`${name} is up to date (regenerate with: npm run schema)`, () => {
      const committed = readFileSync(`${ROOT}/soul-schema/${name}`, "utf8");
      assert.equal(committed, serializeSchema(schema));
    });
  }

  it("declares JSON Schema 2020-12", () => {
    for (const schema of Object.values(soulJsonSchemas())) {
      assert.equal((schema as { $schema: string }).$schema, "https://json-schema.org/draft/2020-12/schema");
    }
  });

  it("marks the manifest's required fields", () => {
    const m = soulJsonSchemas()["manifest.schema.json"] as { required: string[] };
    for (const key of ["schema", "agent_id", "display_name", "provenance", "privacy"]) assert.ok(m.required.includes(key), key);
  });
});
