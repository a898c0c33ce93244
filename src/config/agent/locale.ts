// Locale rules for the agent .env: BCP 47 tags for display/assistant, a UTF-8 POSIX locale for the system.
import { describeValue } from "../../untrusted/describe.js";

const BCP47 = /^[a-zA-Z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*$/;
const POSIX_UTF8 = /^(?:[a-z]{2,3}_[A-Z]{2}|C)\.UTF-8(?:@[a-z]+)?$/;
const POSIX_ANY = /^(?:[a-z]{2,3}_[A-Z]{2}|C|POSIX)(?:\.[A-Za-z0-9-]+)?(?:@[a-z]+)?$/;

/** True for a BCP 47 language tag such as sl-SI or de-DE. */
export function isBcp47(tag: string): boolean {
  return BCP47.test(tag);
}

/** Why a SYSTEM_LOCALE is refused, or undefined when it is a UTF-8 locale like sl_SI.UTF-8. */
export function systemLocaleProblem(value: string): string | undefined {
  if (POSIX_UTF8.test(value)) return undefined;
  // It has the shape of a locale name, so quoting it reveals nothing.
  if (POSIX_ANY.test(value)) return `${JSON.stringify(value)} is not a UTF-8 locale (legacy encodings are refused; use e.g. sl_SI.UTF-8)`;
  return `${describeValue(value)} is not a locale name like sl_SI.UTF-8`;
}
