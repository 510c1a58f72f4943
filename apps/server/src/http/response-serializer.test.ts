import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parsesLikeItEncodes, responseSerializerCompiler } from './response-serializer';

const compile = (schema: z.ZodType) =>
  responseSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (d: unknown) => string;

const isoDate = z.codec(z.iso.datetime(), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});

describe('response serializer', () => {
  it('takes the fast parse path only where parse and encode agree', () => {
    expect(
      parsesLikeItEncodes(
        z.object({ status: z.literal('ok'), n: z.number().int().nullable(), tags: z.array(z.enum(['a', 'b'])) }),
      ),
    ).toBe(true);
    expect(parsesLikeItEncodes(z.object({ a: z.union([z.string(), z.object({ b: z.boolean().optional() })]) }))).toBe(true);
    expect(parsesLikeItEncodes(z.object({ at: isoDate }))).toBe(false);
    expect(parsesLikeItEncodes(z.object({ list: z.array(z.object({ n: z.number().default(1) })) }))).toBe(false);
    expect(parsesLikeItEncodes(z.object({ s: z.string().transform((v) => v.length) }))).toBe(false);
    expect(parsesLikeItEncodes(z.object({ r: z.record(z.string(), z.string().catch('x')) }))).toBe(false);
  });

  it('drops undeclared fields, so internal columns never leak', () => {
    const serialize = compile(z.object({ id: z.string(), name: z.string() }));
    expect(JSON.parse(serialize({ id: 'u1', name: 'Asha', passwordHash: 'secret', phone: '+919000000001' }))).toEqual({
      id: 'u1',
      name: 'Asha',
    });
  });

  it('refuses a response that does not match its schema', () => {
    const serialize = compile(z.object({ status: z.literal('ok') }));
    expect(() => serialize({ status: 'down' })).toThrow(ResponseSerializationError);
  });

  it('encodes codecs (Date → ISO string) through the generic path', () => {
    const serialize = compile(z.object({ at: isoDate }));
    expect(serialize({ at: new Date('2026-01-02T03:04:05.000Z') })).toBe('{"at":"2026-01-02T03:04:05.000Z"}');
  });
});
