#!/usr/bin/env node
// The daemon's embedded-database process (src/brain/db/pglite-host.ts): started by the daemon over
// an IPC channel (src/brain/db/pglite-child.ts), never by hand.
import { loadBundle } from "./bundle-loader.js";

loadBundle(undefined, { entry: "pglite-host.cjs" });
