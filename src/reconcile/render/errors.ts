// Render-time guard: a value that validation should have refused reached a renderer.
import { SoulsyncError } from "../../core/errors.js";

/** An internal error (a bug: config validation let an unsafe value through). */
export function internalError(message: string): SoulsyncError {
  return new SoulsyncError("E_RENDER_UNSAFE", message, { kind: "internal" });
}
