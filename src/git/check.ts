// Before publish the snapshot must pass its validator (Layered Soul v1 for a soul, host.yaml for the
// host repo); the secrets scan is secrets/tree.ts. Problems come back as data.
import type { Problem } from "../core/problem.js";
import type { SoulTree } from "../soul/tree/types.js";

/** A validator of one kind of source: tree in, problems out. */
export type TreeValidator = (tree: SoulTree, dir: string) => Promise<Problem[]> | Problem[];
