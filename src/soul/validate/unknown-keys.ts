// Finds keys that a zod object schema does not declare (reported as warnings, not errors).
import type * as z from "zod";

type AnyDef = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType; in?: z.ZodType };

function defOf(schema: z.ZodType): AnyDef {
  return (schema as unknown as { _zod: { def: AnyDef } })._zod.def;
}

/** Paths of every key in `value` that `schema` does not know. */
export function unknownKeys(schema: z.ZodType, value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return def.innerType ? unknownKeys(def.innerType, value, path) : [];
    case "pipe":
      return def.in ? unknownKeys(def.in, value, path) : [];
    case "object": {
      if (!value || typeof value !== "object" || Array.isArray(value)) return [];
      const shape = def.shape ?? {};
      const found: PropertyKey[][] = [];
      for (const [k, v] of Object.entries(value)) {
        // Own keys only: a key named `constructor` or `toString` must not find Object.prototype's.
        const sub = Object.hasOwn(shape, k) ? shape[k] : undefined;
        if (!sub) found.push([...path, k]);
        else found.push(...unknownKeys(sub, v, [...path, k]));
      }
      return found;
    }
    case "array":
      if (!Array.isArray(value) || !def.element) return [];
      return value.flatMap((v, i) => unknownKeys(def.element!, v, [...path, i]));
    case "record":
      if (!value || typeof value !== "object" || !def.valueType) return [];
      return Object.entries(value).flatMap(([k, v]) => unknownKeys(def.valueType!, v, [...path, k]));
    case "union": {
      // Use the first option that accepts the value.
      const match = def.options?.find((o) => o.safeParse(value).success);
      return match ? unknownKeys(match, value, path) : [];
    }
    default:
      return [];
  }
}
