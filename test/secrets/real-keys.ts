// Key material written by the real tools (ssh-keygen, openssl, gpg, puttygen) into a temp dir:
// the private keys the scanner must find whatever the file is called, and the public keys,
// certificates and requests it must leave alone. A tool that is not installed is reported, not faked.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Sample {
  name: string;
  text: string;
  /** The rule the scanner must report (absent: must report nothing). */
  rule?: string;
}

const has = (tool: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

export const TOOLS = { sshKeygen: has("ssh-keygen"), openssl: has("openssl"), gpg: has("gpg"), puttygen: has("puttygen") };

/** Generates every sample in a fresh temp dir and removes it. */
export function realKeySamples(): Sample[] {
  const dir = mkdtempSync(join(tmpdir(), "soulsync-keys-"));
  const out: Sample[] = [];
  const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) => execFileSync(cmd, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"], env });
  const read = (f: string) => readFileSync(join(dir, f), "utf8");
  try {
    if (TOOLS.sshKeygen) {
      for (const [t, extra] of [["ed25519", []], ["rsa", ["-b", "2048"]], ["ecdsa", []]] as const) {
        run("ssh-keygen", ["-q", "-t", t, ...extra, "-N", "", "-C", "atlas@host", "-f", `${t}-plain`]);
        out.push({ name: `ssh-keygen -t ${t} -N ''`, text: read(`${t}-plain`), rule: "openssh-private-key" });
        out.push({ name: `ssh-keygen -t ${t} public key`, text: read(`${t}-plain.pub`) });
        run("ssh-keygen", ["-q", "-t", t, ...extra, "-N", "correct horse", "-f", `${t}-enc`]);
        out.push({ name: `ssh-keygen -t ${t} -N passphrase`, text: read(`${t}-enc`), rule: "openssh-private-key" });
      }
      run("ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", "rsa-pem"]);
      out.push({ name: "ssh-keygen -m PEM (PKCS#1)", text: read("rsa-pem"), rule: "private-key" });
      run("ssh-keygen", ["-q", "-t", "ecdsa", "-m", "PKCS8", "-N", "", "-f", "ec-pkcs8"]);
      out.push({ name: "ssh-keygen -m PKCS8", text: read("ec-pkcs8"), rule: "private-key" });
    }
    if (TOOLS.openssl) {
      for (const alg of ["rsa", "ed25519", "x25519", "ed448"]) {
        run("openssl", ["genpkey", "-algorithm", alg, "-out", `gen-${alg}.pem`]);
        out.push({ name: `openssl genpkey -algorithm ${alg}`, text: read(`gen-${alg}.pem`), rule: "private-key" });
      }
      run("openssl", ["genpkey", "-algorithm", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "gen-ec.pem"]);
      out.push({ name: "openssl genpkey -algorithm ec", text: read("gen-ec.pem"), rule: "private-key" });
      run("openssl", ["genpkey", "-algorithm", "rsa", "-aes-256-cbc", "-pass", "pass:hunter22", "-out", "gen-enc.pem"]);
      out.push({ name: "openssl genpkey -aes-256-cbc (encrypted PKCS#8)", text: read("gen-enc.pem"), rule: "private-key" });
      run("openssl", ["req", "-nodes", "-newkey", "rsa:2048", "-keyout", "req.key", "-out", "req.csr", "-subj", "/CN=atlas.internal"]);
      out.push({ name: "openssl req -nodes key", text: read("req.key"), rule: "private-key" });
      out.push({ name: "openssl req CSR", text: read("req.csr") });
      run("openssl", ["genrsa", "-traditional", "-out", "pkcs1.pem", "2048"]);
      out.push({ name: "openssl genrsa -traditional (PKCS#1)", text: read("pkcs1.pem"), rule: "private-key" });
      run("openssl", ["genrsa", "-traditional", "-aes256", "-passout", "pass:hunter22", "-out", "pkcs1-enc.pem", "2048"]);
      out.push({ name: "openssl genrsa -traditional -aes256 (Proc-Type)", text: read("pkcs1-enc.pem"), rule: "private-key" });
      run("openssl", ["pkcs8", "-topk8", "-in", "pkcs1.pem", "-v2", "aes256", "-passout", "pass:hunter22", "-out", "p8-enc.pem"]);
      out.push({ name: "openssl pkcs8 -topk8 -v2 aes256", text: read("p8-enc.pem"), rule: "private-key" });
      run("openssl", ["ecparam", "-genkey", "-name", "prime256v1", "-out", "ecparam.pem"]);
      out.push({ name: "openssl ecparam -genkey (SEC 1)", text: read("ecparam.pem"), rule: "private-key" });
      run("openssl", ["pkey", "-in", "gen-rsa.pem", "-pubout", "-out", "pub.pem"]);
      out.push({ name: "openssl pkey -pubout", text: read("pub.pem") });
      run("openssl", ["req", "-x509", "-key", "req.key", "-days", "1", "-subj", "/CN=atlas.internal", "-out", "cert.pem"]);
      out.push({ name: "openssl req -x509 certificate", text: read("cert.pem") });
    }
    if (TOOLS.gpg) {
      const env = { ...process.env, GNUPGHOME: join(dir, "gnupg") };
      run("mkdir", ["-m", "700", "gnupg"]);
      run("gpg", ["--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", "Atlas <atlas@host.internal>", "ed25519", "default", "never"], env);
      const gpg = (args: string[]) => run("gpg", ["--batch", "--pinentry-mode", "loopback", "--passphrase", "", ...args], env).toString();
      out.push({ name: "gpg --export-secret-keys --armor", text: gpg(["--export-secret-keys", "--armor"]), rule: "pgp-private-key" });
      out.push({ name: "gpg --export-secret-subkeys --armor", text: gpg(["--export-secret-subkeys", "--armor"]), rule: "pgp-private-key" });
      out.push({ name: "gpg --export --armor (public)", text: gpg(["--export", "--armor"]) });
    }
    if (TOOLS.puttygen) {
      writeFileSync(join(dir, "pass"), "hunter22\n");
      for (const [t, bits] of [["ed25519", []], ["rsa", ["-b", "2048"]]] as const) {
        run("puttygen", ["-q", "-t", t, ...bits, "-o", `${t}.ppk`, "--new-passphrase", "/dev/null"]);
        out.push({ name: `puttygen -t ${t} (unencrypted .ppk)`, text: read(`${t}.ppk`), rule: "putty-private-key" });
        run("puttygen", ["-q", "-t", t, ...bits, "-o", `${t}-enc.ppk`, "--new-passphrase", "pass"]);
        out.push({ name: `puttygen -t ${t} (encrypted .ppk)`, text: read(`${t}-enc.ppk`), rule: "putty-private-key" });
        run("puttygen", [`${t}.ppk`, "-O", "public-openssh", "-o", `${t}.pub`]);
        out.push({ name: `puttygen -t ${t} public key`, text: read(`${t}.pub`) });
      }
      run("puttygen", ["rsa.ppk", "-O", "private-openssh-new", "-o", "rsa-openssh"]);
      out.push({ name: "puttygen -O private-openssh-new", text: read("rsa-openssh"), rule: "openssh-private-key" });
      run("puttygen", ["rsa.ppk", "-O", "private-sshcom", "-o", "rsa-sshcom"]);
      out.push({ name: "puttygen -O private-sshcom", text: read("rsa-sshcom"), rule: "sshcom-private-key" });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
