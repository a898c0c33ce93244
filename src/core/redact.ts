// Credentials in URLs never reach a log or an error message.

const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^/\s@:]*):([^/\s@]*)@/gi;
const URL_TOKEN_USER = /\b((?:https?|git|ssh):\/\/)([^/\s@:]{16,})@/gi;

/**
 * Replaces the password of every `scheme://user:password@` URL in `text` with `***`,
 * and a bare long user part (a token used as user name) too.
 */
export function redactUrls(text: string): string {
  return text
    .replace(URL_USERINFO, (_m, scheme: string, user: string) => `${scheme}${user}:***@`)
    .replace(URL_TOKEN_USER, (_m, scheme: string) => `${scheme}***@`);
}
