// The freebsd driver: every command through the one process runner (argv, never a shell),
// files written atomically under `root` ("/" on a real host).
import type { DbAdmin } from "../../brain/admin/admin.js";
import { run } from "../../exec/run.js";
import { hostFiles } from "./files.js";
import type { Driver } from "./types.js";

export interface FreebsdDriverOptions {
  /** Directory standing for "/" (tests and chroots); default "/". */
  root?: string;
  db: DbAdmin;
}

/** A driver for a real FreeBSD host. */
export function freebsdDriver(options: FreebsdDriverOptions): Driver {
  const root = options.root ?? "/";
  let mutations = 0;
  // FreeBSD tools live in /sbin and /usr/sbin, which a service's PATH may lack.
  const env = { PATH: `${process.env.PATH ?? ""}:/sbin:/usr/sbin:/usr/local/sbin:/usr/local/bin` };
  return {
    name: "freebsd",
    read: (argv) => run(argv, { reject: false, env }),
    async exec(argv) {
      mutations++;
      return run(argv, { env });
    },
    ...hostFiles(root, () => mutations++),
    db: options.db,
    get mutations() {
      return mutations;
    },
    close: () => options.db.close(),
  };
}
