// The daemon's triggers, for the daemon to plug in.
export { loadWebhookKey } from "./webhook-key.js";
export { notifyHttp, notifySocket } from "./notify.js";
export { startPoll } from "./poll.js";
export type { OnTrigger, TriggerEvent, TriggerKind } from "./types.js";
export { startWatch, type Watch } from "./watch.js";
export { startWebhook } from "./webhook.js";
export { soulsyncHeaders } from "./webhook-sign.js";
