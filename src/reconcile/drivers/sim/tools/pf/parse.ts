// A checker for pf.conf as pfctl -n reads it (FreeBSD 14 sbin/pfctl/parse.y and pf.conf(5)),
// for the statements a soulsync host uses: macros, include, set, scrub, table, the anchor
// statements, nat/no nat/rdr, pass/block and antispoof, in pf's section order. Anything else is
// "syntax error", reported as pfctl does: `FILE:LINE: message`. Loaded NAT rules come back in the
// form `pfctl -sn` prints them (pfctl_parser.c print_rule), one per expanded address.
import { Cursor, fail, fromTo, hosts, ifspec, oneOrList, PfSyntaxError } from "./hosts.js";
import { lexLine } from "./lex.js";

/** parse.y check_rulestate: sections must come in this order. */
const SECTIONS = ["options", "ethernet", "normalization", "queueing", "translation", "filtering"] as const;
const ORDER_MSG = `Rules must be in order: ${SECTIONS.join(", ")}`;

export interface PfFiles {
  /** A file's text, or undefined when it cannot be opened. */
  read(path: string): string | undefined;
  /** Interface names that exist on the host (a bare name as a host means its address). */
  interfaces: ReadonlySet<string>;
}

export interface PfParse {
  errors: string[];
  /** `pfctl -sn` lines of the NAT rules, in order. */
  nat: string[];
  /** Every file read, concatenated (what a load would take). */
  text: string;
}

interface State {
  macros: Map<string, string>;
  section: number;
  pending?: number | undefined;
  errors: string[];
  nat: string[];
  text: string;
}

/** Checks `path` the way `pfctl -nf path` does. */
export function parsePf(path: string, files: PfFiles): PfParse {
  const st: State = { macros: new Map(), section: 0, errors: [], nat: [], text: "" };
  const text = files.read(path);
  if (text === undefined) return { errors: [`pfctl: ${path}: No such file or directory`], nat: [], text: "" };
  parseFile(path, text, files, st, 0);
  return { errors: st.errors, nat: st.nat, text: st.text };
}

function parseFile(file: string, text: string, files: PfFiles, st: State, depth: number): void {
  st.text += text;
  const physical = text.split("\n");
  for (let n = 0; n < physical.length; n++) {
    const lineNo = n + 1;
    let line = physical[n]!;
    while (line.endsWith("\\") && n + 1 < physical.length) line = line.slice(0, -1) + " " + physical[++n]!;
    const lexErrors: string[] = [];
    const toks = lexLine(line, st.macros, lexErrors);
    const at = (msg: string) => st.errors.push(`${file}:${lineNo}: ${msg}`);
    if (lexErrors.length > 0) {
      for (const e of lexErrors) at(e);
      continue;
    }
    if (toks.length === 0) continue;
    const nat = st.nat.length;
    try {
      statement(new Cursor(toks), files, st, depth, at);
      checkOrder(st);
    } catch (e) {
      if (!(e instanceof PfSyntaxError)) throw e;
      st.pending = undefined;
      st.nat.length = nat;
      at(e.message);
    }
  }
}

/** Sets the statement's section; parse.y checks the order in the rule's action, once it parsed. */
function section(st: State, want: (typeof SECTIONS)[number]): void {
  st.pending = SECTIONS.indexOf(want);
}

function checkOrder(st: State): void {
  const n = st.pending;
  st.pending = undefined;
  if (n === undefined) return;
  if (st.section > n) fail(ORDER_MSG);
  st.section = n;
}

function end(c: Cursor): void {
  if (!c.done()) fail();
}

function statement(c: Cursor, files: PfFiles, st: State, depth: number, at: (m: string) => void): void {
  const first = c.peek()!;
  // macro: NAME = "value"
  if (first.t === "word" && c.peek(1)?.t === "=") {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(first.v)) fail();
    c.i += 2;
    const value = c.word() ?? fail();
    end(c);
    st.macros.set(first.v, value);
    return;
  }
  const kw = c.word() ?? fail();
  switch (kw) {
    case "include": {
      const name = c.word() ?? fail();
      end(c);
      const text = depth < 10 ? files.read(name) : undefined;
      if (text === undefined) {
        st.errors.push(`pfctl: ${name}: No such file or directory`);
        at(`failed to include file ${name}`);
        return;
      }
      parseFile(name, text, files, st, depth + 1);
      return;
    }
    case "set":
      section(st, "options");
      setOption(c);
      return;
    case "table": {
      if (!c.punct("<")) fail();
      c.word() ?? fail();
      if (!c.punct(">")) fail();
      while (c.kw("persist", "const", "counters"));
      if (c.peek()?.t === "{") hosts(c, files.interfaces);
      end(c);
      return;
    }
    case "scrub":
      section(st, "normalization");
      c.kw("in", "out");
      if (c.kw("on")) ifspec(c);
      c.kw("inet", "inet6");
      fromTo(c, files.interfaces);
      while (!c.done()) {
        if (c.kw("no-df", "random-id", "reassemble")) continue;
        if (c.kw("fragment")) c.kw("reassemble") ?? fail();
        else if (c.kw("min-ttl", "max-mss")) numeric(c);
        else if (c.kw("reassemble")) c.kw("tcp") ?? fail();
        else fail();
      }
      return;
    case "nat-anchor":
    case "rdr-anchor":
    case "binat-anchor":
      section(st, "translation");
      anchorRule(c, files);
      return;
    case "anchor":
      section(st, "filtering");
      anchorRule(c, files);
      return;
    case "load":
      c.kw("anchor") ?? fail();
      c.word() ?? fail();
      c.kw("from") ?? fail();
      c.word() ?? fail();
      end(c);
      return;
    case "no":
      c.kw("nat", "rdr", "binat") ?? fail();
      section(st, "translation");
      translation(c, st, files, true);
      return;
    case "nat":
    case "rdr":
    case "binat":
      section(st, "translation");
      translation(c, st, files, false, kw);
      return;
    case "pass":
    case "block":
    case "match":
      section(st, "filtering");
      filter(c, kw, files);
      return;
    case "antispoof":
      section(st, "filtering");
      c.kw("log");
      c.kw("quick");
      c.kw("for") ?? fail();
      ifspec(c);
      c.kw("inet", "inet6");
      end(c);
      return;
    default:
      fail();
  }
}

function numeric(c: Cursor): void {
  const w = c.word() ?? fail();
  if (!/^\d+$/.test(w)) fail();
}

function setOption(c: Cursor): void {
  const opt = c.word() ?? fail();
  switch (opt) {
    case "skip":
      c.kw("on") ?? fail();
      ifspec(c);
      break;
    case "block-policy":
      c.kw("drop", "return") ?? fail();
      break;
    case "state-policy":
      c.kw("if-bound", "floating") ?? fail();
      break;
    case "optimization":
      c.kw("normal", "high-latency", "satellite", "aggressive", "conservative") ?? fail();
      break;
    case "ruleset-optimization":
      c.kw("none", "basic", "profile") ?? fail();
      break;
    case "loginterface":
      c.word() ?? fail();
      break;
    case "debug":
      c.kw("none", "urgent", "misc", "loud", "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug") ?? fail();
      break;
    default:
      fail();
  }
  end(c);
}

function anchorRule(c: Cursor, files: PfFiles): void {
  c.word() ?? fail();
  c.kw("in", "out");
  if (c.kw("on")) ifspec(c);
  c.kw("inet", "inet6");
  if (!c.done()) fromTo(c, files.interfaces);
  end(c);
}

/** nat/rdr/binat: `[pass [log]] [on IF] [af] [proto P] FROMTO [-> HOST [port N]] [static-port] [pool type]`. */
function translation(c: Cursor, st: State, files: PfFiles, no: boolean, kind = "nat"): void {
  if (c.kw("pass")) c.kw("log");
  let on: string[] = [];
  if (c.kw("on")) on = ifspec(c);
  const af = c.kw("inet", "inet6");
  if (c.kw("proto")) protocol(c);
  const ft = fromTo(c, files.interfaces);
  if (no) {
    if (c.punct("->")) fail("translation rule with 'no' does not need '->'");
    end(c);
    return;
  }
  if (!c.punct("->")) fail("translation rule requires '-> address'");
  const to = hosts(c, files.interfaces);
  if (c.kw("port")) c.word() ?? fail();
  c.kw("static-port");
  const pool = c.kw("round-robin", "random", "source-hash", "bitmask");
  if (pool === "source-hash") c.word();
  end(c);
  if (kind !== "nat") return;
  const target = to.length === 1 ? to[0]! : `{ ${to.join(", ")} }`;
  const poolOut = pool ?? (/^\(.*\)$/.test(target) || to.length > 1 ? "round-robin" : undefined);
  for (const iface of on.length ? on : [""]) {
    for (const from of ft.from) {
      for (const dst of ft.to) {
        const parts = ["nat", ...(iface ? ["on", iface] : []), ...(af ? [af] : from.includes(".") || target.includes(".") ? ["inet"] : []), "from", from, "to", dst, "->", target, ...(poolOut ? [poolOut] : [])];
        st.nat.push(parts.join(" "));
      }
    }
  }
}

function protocol(c: Cursor): void {
  const one = () => {
    const w = c.word() ?? fail();
    if (!/^([a-z][a-z0-9-]*|\d+)$/.test(w)) fail();
  };
  oneOrList(c, one);
}

/** pass/block/match: `[drop|return…] [in|out] [log] [quick] [on IF] [af] [proto P] FROMTO [options]`. */
function filter(c: Cursor, kw: string, files: PfFiles): void {
  if (kw === "block") c.kw("drop", "return", "return-rst", "return-icmp");
  c.kw("in", "out");
  if (c.kw("log")) c.kw("all");
  c.kw("quick");
  if (c.kw("on")) ifspec(c);
  c.kw("inet", "inet6");
  if (c.kw("proto")) protocol(c);
  fromTo(c, files.interfaces);
  while (!c.done()) {
    if (c.kw("flags")) {
      const f = c.word() ?? fail();
      if (c.punct("/")) c.word() ?? fail();
      if (!/^[FSRPAUEW]*$/.test(f) && f !== "any") fail();
    } else if (c.kw("keep", "modulate", "synproxy")) {
      c.kw("state") ?? fail();
      if (c.punct("(")) {
        while (!c.punct(")")) {
          if (c.done()) fail();
          c.word();
          c.punct(",");
        }
      }
    } else if (c.kw("no")) c.kw("state") ?? fail();
    else if (c.kw("label", "tag", "tagged")) c.word() ?? fail();
    else if (c.kw("rdr-to", "nat-to", "route-to")) fail();
    else fail();
  }
}
