import { z } from "zod";

/** A JSON Schema node as zod's `toJSONSchema` writes it (the subset the generator reads). */
interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export type Rng = () => number;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** Strings tried against a schema's pattern (colours, ids, keys), so patterned fields get accepted values. */
const PATTERNED = ["#3366cc", "#ff0000", "demo", "front", "a", "abc-123", "k".repeat(22), "0", "1", "a".repeat(32), "0".repeat(64), "https://example.org/x.png"];

/**
 * A value shaped like `schema` (usually one it accepts: the fuzzer's "plausible" messages, which
 * reach the handlers instead of stopping at the parser). Derived from the zod schema itself, so a
 * message type added tomorrow is fuzzed without touching the fuzzer.
 */
export function sampleOf(schema: z.ZodType, rng: Rng, hints: readonly string[] = []): unknown {
  const json = z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) as JsonSchema;
  return sampleJson(json, rng, 0, hints);
}

/** `hints`: strings worth aiming at (other people's connection ids, board names): a third of free strings use one. */
function sampleJson(s: JsonSchema, rng: Rng, depth: number, hints: readonly string[]): unknown {
  if (depth > 8) return null;
  if ("const" in s) return s.const;
  if (s.enum) return pick(rng, s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return sampleJson(pick(rng, branches), rng, depth + 1, hints);
  if (s.allOf?.length) return sampleJson(s.allOf[0]!, rng, depth + 1, hints);
  const type = Array.isArray(s.type) ? pick(rng, s.type) : s.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(key) || rng() < 0.5) out[key] = sampleJson(prop, rng, depth + 1, hints);
      }
      return out;
    }
    case "array": {
      if (s.prefixItems) return s.prefixItems.map((p) => sampleJson(p, rng, depth + 1, hints));
      let n = int(rng, s.minItems ?? 0, Math.min(s.maxItems ?? 6, (s.minItems ?? 0) + 6));
      if (n % 2 && rng() < 0.7 && n + 1 <= (s.maxItems ?? Infinity)) n++; // points come in pairs
      return Array.from({ length: n }, () => (s.items ? sampleJson(s.items, rng, depth + 1, hints) : null));
    }
    case "string": {
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const fits = PATTERNED.filter((c) => re.test(c));
        if (fits.length) return pick(rng, fits);
      }
      if (hints.length && rng() < 0.35) return pick(rng, hints);
      const n = int(rng, s.minLength ?? 0, Math.min(s.maxLength ?? 12, (s.minLength ?? 0) + 12));
      return Array.from({ length: n }, () => pick(rng, "abcdefghijklmnopqrstuvwxyz0123456789-_".split(""))).join("");
    }
    case "integer":
    case "number": {
      const lo = s.minimum ?? s.exclusiveMinimum ?? -10;
      const hi = s.maximum ?? s.exclusiveMaximum ?? 10;
      const span = Math.min(hi - lo, 1000);
      const v = lo + rng() * span;
      return type === "integer" ? Math.min(hi, Math.max(lo, Math.round(v))) : v;
    }
    case "boolean":
      return rng() < 0.5;
    case "null":
      return null;
    default:
      return junk(rng, depth);
  }
}

/** Any msgpack-encodable value, including the awkward ones (NaN, huge numbers, deep nesting, long strings). */
export function junk(rng: Rng, depth = 0): unknown {
  const k = int(rng, 0, depth > 3 ? 7 : 11);
  switch (k) {
    case 0: return null;
    case 1: return pick(rng, [NaN, Infinity, -Infinity, -0, 1e308, -1e308, 2 ** 53 + 1, -1]);
    case 2: return rng() * 1e6 - 5e5;
    case 3: return pick(rng, [true, false]);
    case 4: return "x".repeat(int(rng, 0, 3000));
    case 5: return pick(rng, ["", "__proto__", "constructor", "\u0000", "\ud800", "%s%s%n", "../../etc/passwd", "<script>"]);
    case 6: return int(rng, -3, 70000);
    case 7: return undefined;
    case 8: return Array.from({ length: int(rng, 0, 5) }, () => junk(rng, depth + 1));
    case 9: return { [pick(rng, ["__proto__", "constructor", "h", "board", "op", "t", "to", "id"])]: junk(rng, depth + 1) };
    case 10: return new Uint8Array(int(rng, 0, 64)).map(() => int(rng, 0, 255));
    default: return nest(int(rng, 10, 200));
  }
}

/** An array nested `n` deep (parsers that recurse without a limit meet it). */
const nest = (n: number): unknown => {
  let v: unknown = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

/** `value` with one part broken: a field dropped, added, retyped or blown past its maximum. */
export function mutate(value: unknown, rng: Rng): unknown {
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return rng() < 0.5 ? junk(rng) : value;
  const copy: unknown = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const bag = copy as Record<string, unknown>;
  const keys = Object.keys(bag);
  const key = keys.length ? pick(rng, keys) : "x";
  switch (int(rng, 0, 4)) {
    case 0: delete bag[key]; break;
    case 1: put(bag, pick(rng, ["extra", "__proto__", "constructor", "9999"]), junk(rng)); break;
    case 2: put(bag, key, junk(rng)); break;
    case 3: put(bag, key, oversize(bag[key], rng)); break;
    default: put(bag, key, mutate(bag[key], rng));
  }
  return copy;
}

/** Sets an own property, even one named "__proto__" (assignment would change the prototype instead). */
const put = (bag: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(bag, key, { value, enumerable: true, writable: true, configurable: true });

/** A value a few times bigger than any schema allows, yet under the socket's frame cap most of the time. */
function oversize(v: unknown, rng: Rng): unknown {
  if (typeof v === "string") return v.padEnd(int(rng, 300, 12_000), "w");
  if (Array.isArray(v)) return Array.from({ length: int(rng, 300, 3000) }, (_, i) => v[i % Math.max(1, v.length)] ?? i);
  if (typeof v === "number") return v * 1e12 + 1;
  return "w".repeat(int(rng, 300, 12_000));
}
