import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeEncode, safeParse } from 'zod/v4/core';

/**
 * Schema kinds whose encode (output → JSON) differs from parse: codecs/pipes and transforms run backwards
 * or refuse, defaults and catches are not applied. Lazy/custom/function schemas cannot be inspected.
 */
const DIRECTIONAL = new Set([
  'pipe',
  'transform',
  'default',
  'prefault',
  'catch',
  'success',
  'lazy',
  'custom',
  'function',
  'promise',
]);

/** True when parsing `schema` gives exactly what encoding it gives (no directional kind anywhere inside). */
export function parsesLikeItEncodes(schema: $ZodType, seen = new Set<$ZodType>()): boolean {
  if (seen.has(schema)) return true;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (DIRECTIONAL.has(def.type)) return false;
  const children: unknown[] = [];
  for (const value of Object.values(def)) {
    if (value instanceof $ZodType) children.push(value);
    else if (Array.isArray(value)) children.push(...value);
    else if (value && typeof value === 'object' && def.type === 'object') children.push(...Object.values(value));
  }
  return children.every((child) => !(child instanceof $ZodType) || parsesLikeItEncodes(child, seen));
}

function resolveSchema(maybeSchema: unknown): $ZodType {
  if (maybeSchema instanceof $ZodType) return maybeSchema;
  const props = (maybeSchema as { properties?: unknown } | null)?.properties;
  if (props instanceof $ZodType) return props;
  throw new Error(`Response schema is not a zod schema: ${JSON.stringify(maybeSchema)}`);
}

/**
 * Fastify serializer compiler for zod response schemas: every response is still checked against its
 * schema and stripped to its declared fields before JSON.stringify (the same guarantees as
 * fastify-type-provider-zod's serializerCompiler). It uses zod's compiled parse for schemas where parsing and
 * encoding agree (all of ours today), which is several times faster than `safeEncode`'s generic walk (see
 * bench/results/health.md), and falls back to `safeEncode` for codecs, transforms and defaults.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema: maybeSchema, method, url }) => {
  const schema = resolveSchema(maybeSchema);
  const check = parsesLikeItEncodes(schema) ? safeParse : safeEncode;
  return (data: unknown) => {
    const result = check(schema, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
