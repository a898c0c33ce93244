// Why a fetch failed, from git's stderr (pure): the origin could not be reached (retry with
// backoff), credentials were refused (a human must fix them), or something else — then the
// mirror itself is suspect and is re-cloned once.

export type FetchFailure = "unreachable" | "auth" | "other";

const UNREACHABLE = [
  /could not resolve host/i,
  /connection refused/i,
  /connection timed out/i,
  /timed out/i,
  /failed to connect/i,
  /unable to connect/i,
  /network is unreachable/i,
  /no route to host/i,
  /could not read from remote repository/i,
  /does not appear to be a git repository/i,
  /the requested url returned error: 5\d\d/i,
  /the remote end hung up unexpectedly/i,
  /unable to look up/i,
  /connection reset/i,
  /^fatal: '.*' does not exist/im,
  /repository '.*' not found/i,
  // git's dumb-HTTP fallback reading an HTTP 200 page that is not a ref list.
  /info\/refs not valid: is this a git repository\?/i,
];

const AUTH = [/authentication failed/i, /terminal prompts disabled/i, /requested url returned error: 40[13]/i, /permission denied \(publickey/i];

/** Classifies a failed fetch by its stderr. */
export function classifyFetchFailure(stderr: string): FetchFailure {
  if (AUTH.some((re) => re.test(stderr))) return "auth";
  if (UNREACHABLE.some((re) => re.test(stderr))) return "unreachable";
  return "other";
}
