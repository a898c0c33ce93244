// pf.conf host and interface specs (pf.conf(5) "PARAMETERS", parse.y host/ipspec/if_item):
// any, self, no-route, urpf-failed, <table>, (ifname), an IPv4 address with /len, an interface
// name, lists in { }, each optionally negated with !. A word that is none of these would be looked
// up in DNS by pfctl; the fake knows no names, so it fails the way an unknown name does.
import type { Token } from "./lex.js";

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const IFNAME = /^[a-z][a-z0-9_.]{0,14}$/;
const KEYWORDS = new Set(["all", "flags", "from", "in", "inet", "inet6", "keep", "label", "log", "modulate", "on", "out", "port", "proto", "quick", "to"]);

/** A cursor over one line's tokens. */
export class Cursor {
  i = 0;
  constructor(readonly toks: Token[]) {}
  peek(k = 0): Token | undefined {
    return this.toks[this.i + k];
  }
  /** Consumes a word equal to `w` (a keyword). */
  kw(...ws: string[]): string | undefined {
    const t = this.peek();
    if (t?.t === "word" && ws.includes(t.v)) {
      this.i++;
      return t.v;
    }
    return undefined;
  }
  punct(p: Token["t"]): boolean {
    if (this.peek()?.t !== p) return false;
    this.i++;
    return true;
  }
  word(): string | undefined {
    const t = this.peek();
    if (t?.t !== "word" && t?.t !== "string") return undefined;
    this.i++;
    return t.v;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
}

export class PfSyntaxError extends Error {}
const fail = (msg = "syntax error"): never => {
  throw new PfSyntaxError(msg);
};

/** One host item as pfctl prints it ("10.0.1.0/24", "any", "(vtnet0)"). */
function hostItem(c: Cursor, interfaces: ReadonlySet<string>): string {
  const neg = c.punct("!") ? "! " : "";
  if (c.punct("<")) {
    const name = c.word() ?? fail();
    if (!c.punct(">")) fail();
    return `${neg}<${name}>`;
  }
  if (c.punct("(")) {
    const name = c.word() ?? fail();
    if (!IFNAME.test(name.split(":")[0]!)) fail();
    if (!c.punct(")")) fail();
    return `${neg}(${name})`;
  }
  const w = c.word() ?? fail();
  // parse.y's lexer returns keywords as tokens, never as a host name.
  if (KEYWORDS.has(w)) fail();
  if (["any", "self", "no-route", "urpf-failed"].includes(w)) return `${neg}${w}`;
  if (IPV4.test(w)) {
    if (c.punct("/")) {
      const len = c.word() ?? fail();
      if (!/^\d+$/.test(len) || Number(len) > 32) fail(`invalid netmask '${len}'`);
      return `${neg}${w}/${len}`;
    }
    return `${neg}${w}`;
  }
  if (IFNAME.test(w.split(":")[0]!) && interfaces.has(w.split(":")[0]!)) return `${neg}${w}`;
  return fail(`no IP address found for ${w}`);
}

/** A host spec: one item or a { list }; returns the items (a list expands into several rules). */
export function hosts(c: Cursor, interfaces: ReadonlySet<string>): string[] {
  if (!c.punct("{")) return [hostItem(c, interfaces)];
  const items: string[] = [];
  while (!c.punct("}")) {
    if (c.done()) fail();
    items.push(hostItem(c, interfaces));
    c.punct(",");
  }
  if (items.length === 0) fail();
  return items;
}

/** `on IFSPEC`: an interface name, ! name, or { list }. Interfaces need not exist yet (pf.conf(5)). */
export function ifspec(c: Cursor): string[] {
  const one = () => {
    const neg = c.punct("!") ? "! " : "";
    const w = c.word() ?? fail();
    if (!IFNAME.test(w)) fail();
    return `${neg}${w}`;
  };
  if (!c.punct("{")) return [one()];
  const out: string[] = [];
  while (!c.punct("}")) {
    if (c.done()) fail();
    out.push(one());
    c.punct(",");
  }
  return out;
}

/** `port N`, `port name`, `port { … }` or `port op N` after a host. */
export function port(c: Cursor): void {
  if (!c.kw("port")) return;
  const item = () => {
    c.kw("=", "!=", "<", "<=", ">", ">=");
    const w = c.word() ?? fail();
    if (!/^([0-9]+(:[0-9]+)?|[a-z][a-z0-9-]*)$/.test(w)) fail();
  };
  oneOrList(c, item);
}

/** One item, or `{ item, item … }` (commas optional, as in parse.y's lists). */
export function oneOrList(c: Cursor, item: () => void): void {
  if (!c.punct("{")) {
    item();
    return;
  }
  while (!c.punct("}")) {
    if (c.done()) fail();
    item();
    c.punct(",");
  }
}

/** `all` | `[from HOSTS [port]] [to HOSTS [port]]`; returns the from and to lists. */
export function fromTo(c: Cursor, interfaces: ReadonlySet<string>): { from: string[]; to: string[] } {
  if (c.kw("all")) return { from: ["any"], to: ["any"] };
  let from = ["any"];
  let to = ["any"];
  // ipportspec: ipspec [port …] | port … (a bare port means any host)
  if (c.kw("from")) {
    if (c.peek()?.v !== "port") from = hosts(c, interfaces);
    port(c);
  }
  if (c.kw("to")) {
    if (c.peek()?.v !== "port") to = hosts(c, interfaces);
    port(c);
  }
  return { from, to };
}

export { fail };
