// An HTTP origin answering 200 with an error page is an origin not answering as git: the
// source backs off as unreachable (transient), keeps the last good, and recovers; it is never
// reported as a refused revision (E_REF_NOT_FOUND).
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { tmpDir } from "../helpers/tmp.js";
import { errorPageProxy } from "./helpers/error-page.js";
import { makeHost } from "./helpers/harness.js";
import { soulRepo } from "./helpers/repo.js";
import { httpBackend } from "./helpers/servers.js";

describe("an HTTP origin answering 200 with an error page", () => {
  for (const mode of ["page", "page-lines"] as const) {
    test(`${mode === "page" ? "one-line HTML" : "text with newlines"}: unreachable, backoff, last good kept, recovery`, async () => {
      const root = tmpDir();
      const server = await httpBackend(root);
      const proxy = await errorPageProxy(server.url);
      try {
        const repo = soulRepo(root, "atlas");
        const host = makeHost(join(root, "h"), { atlas: { url: `${proxy.url}/atlas.git` } });
        const c1 = repo.head();
        assert.equal((await host.sync()).outcomes[0]?.condition, "Ready");
        proxy.mode = mode;
        const c2 = repo.commit({ "SOUL.md": "# Soul\n\nBehind the broken proxy.\n" });

        const o = (await host.sync()).outcomes[0]!;
        assert.ok(proxy.pages > 0, "the error page was served");
        assert.equal(o.reason, "E_GIT_UNREACHABLE", o.message);
        assert.equal(o.kind, "transient");
        assert.equal(o.condition, "Stalled");
        assert.equal(host.published(), c1);
        const st = await host.status();
        assert.equal(st.backoff?.failures, 1);
        assert.equal(st.failed, undefined, "not remembered as a refused revision");

        proxy.mode = "git";
        host.advance(1000);
        const back = (await host.sync()).outcomes[0]!;
        assert.equal(back.condition, "Ready", back.message);
        assert.equal(host.published(), c2);
      } finally {
        await proxy.stop();
        await server.stop();
      }
    });
  }
});
