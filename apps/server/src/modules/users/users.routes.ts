import {
  createCustomerAddressBody,
  customerAddressIdParams,
  customerAddressListResponse,
  customerAddressSchema,
  meResponse,
  updateCustomerAddressBody,
  updateMeBody,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Container } from '../../container';
import { requireActor } from '../../http/auth';

/** The caller's own account (`/api/me`) and, for customers, saved addresses. */
export function usersRoutes(c: Container): FastifyPluginAsyncZod {
  const tags = ['me'];
  return async (app) => {
    app.get('/me', { schema: { tags, summary: 'My account', response: { 200: meResponse } } }, async (req) =>
      c.users.getMe(requireActor(req)),
    );
    app.patch(
      '/me',
      { schema: { tags, summary: 'Update my account', body: updateMeBody, response: { 200: meResponse } } },
      async (req) => c.users.updateMe(requireActor(req), req.body),
    );
    app.get(
      '/me/addresses',
      { schema: { tags, summary: 'My saved addresses (default first)', response: { 200: customerAddressListResponse } } },
      async (req) => c.users.listAddresses(requireActor(req)),
    );
    app.post(
      '/me/addresses',
      { schema: { tags, summary: 'Save an address', body: createCustomerAddressBody, response: { 201: customerAddressSchema } } },
      async (req, reply) => reply.code(201).send(await c.users.createAddress(requireActor(req), req.body)),
    );
    app.patch(
      '/me/addresses/:id',
      {
        schema: {
          tags,
          summary: 'Change a saved address',
          params: customerAddressIdParams,
          body: updateCustomerAddressBody,
          response: { 200: customerAddressSchema },
        },
      },
      async (req) => c.users.updateAddress(requireActor(req), req.params.id, req.body),
    );
    app.delete(
      '/me/addresses/:id',
      { schema: { tags, summary: 'Delete a saved address', params: customerAddressIdParams } },
      async (req, reply) => {
        await c.users.deleteAddress(requireActor(req), req.params.id);
        return reply.code(204).send();
      },
    );
  };
}
