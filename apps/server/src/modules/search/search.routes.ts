import {
  geocodeQuery,
  geocodeResponse,
  reverseGeocodeQuery,
  reverseGeocodeResponse,
  searchRequestSchema,
  searchResponseSchema,
  searchSelectBody,
  searchSelectParams,
  searchSelectResponse,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SearchService } from './search.service';

/** POST /search (anonymous allowed; personalised when signed in), selection log, geocoding. */
export function searchRoutes(search: SearchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Understand a free-text request (English, Hindi, Hinglish), find nearby providers, rank and explain',
          body: searchRequestSchema,
          response: { 200: searchResponseSchema },
        },
      },
      async (req) => search.search({ actor: req.actor, body: req.body }),
    );
    app.post(
      '/search/:searchId/select',
      {
        schema: {
          tags: ['search'],
          summary: 'Log that the customer picked a provider from these results',
          params: searchSelectParams,
          body: searchSelectBody,
          response: { 201: searchSelectResponse },
        },
      },
      async (req, reply) => {
        const out = await search.select({ actor: req.actor, searchId: req.params.searchId, providerId: req.body.providerId });
        return reply.code(201).send(out);
      },
    );
    app.get(
      '/geo/geocode',
      {
        schema: {
          tags: ['geo'],
          summary: 'Places in India matching a locality, city or pincode',
          querystring: geocodeQuery,
          response: { 200: geocodeResponse },
        },
      },
      async (req) => ({ items: await search.geocode(req.query.q) }),
    );
    app.get(
      '/geo/reverse',
      {
        schema: {
          tags: ['geo'],
          summary: 'The nearest known place to a point in India',
          querystring: reverseGeocodeQuery,
          response: { 200: reverseGeocodeResponse },
        },
      },
      async (req) => ({ place: await search.reverse(req.query.lat, req.query.lng) }),
    );
  };
}
