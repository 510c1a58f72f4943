import {
  adminCatalogQuery,
  catalogLangQuery,
  categoryListResponse,
  categoryView,
  createCategoryBody,
  createSubCategoryBody,
  updateCategoryBody,
  updateSubCategoryBody,
} from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../../http/auth';
import type { CatalogService } from './catalog.service';

const idParams = z.strictObject({ id: z.string().uuid() });

/** Public catalogue reads and admin CRUD (requireAdmin; every change audited). */
export function catalogRoutes(catalog: CatalogService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/categories',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Active categories with their active sub-categories, names in the requested language',
          querystring: catalogLangQuery,
          response: { 200: categoryListResponse },
        },
      },
      async (req) => catalog.listCategories({ lang: req.query.lang }),
    );
    app.get(
      '/categories/:id',
      {
        schema: {
          tags: ['catalog'],
          summary: 'One active category',
          params: idParams,
          querystring: catalogLangQuery,
          response: { 200: categoryView },
        },
      },
      async (req) => catalog.getCategory({ id: req.params.id, lang: req.query.lang }),
    );

    app.get(
      '/admin/categories',
      {
        schema: {
          tags: ['admin', 'catalog'],
          summary: 'All categories, including inactive ones',
          querystring: adminCatalogQuery,
          response: { 200: categoryListResponse },
        },
      },
      async (req) => {
        requireAdmin(req);
        return catalog.listCategories({ lang: req.query.lang, includeInactive: req.query.includeInactive === 'true' });
      },
    );
    app.post(
      '/admin/categories',
      {
        schema: {
          tags: ['admin', 'catalog'],
          summary: 'Create a category',
          body: createCategoryBody,
          response: { 201: categoryView },
        },
      },
      async (req, reply) => {
        const actor = requireAdmin(req);
        const created = await catalog.createCategory({ actor, body: req.body, ip: req.ip });
        return reply.code(201).send(created);
      },
    );
    app.patch(
      '/admin/categories/:id',
      {
        schema: {
          tags: ['admin', 'catalog'],
          summary: 'Update a category (names, icon, order, fee, cancellation policy, active flag)',
          params: idParams,
          body: updateCategoryBody,
          response: { 200: categoryView },
        },
      },
      async (req) => {
        const actor = requireAdmin(req);
        return catalog.updateCategory({ actor, id: req.params.id, body: req.body, ip: req.ip });
      },
    );
    app.delete(
      '/admin/categories/:id',
      {
        schema: {
          tags: ['admin', 'catalog'],
          summary: 'Deactivate a category (kept for existing bookings; hidden from customers)',
          params: idParams,
          response: { 200: categoryView },
        },
      },
      async (req) => {
        const actor = requireAdmin(req);
        return catalog.updateCategory({
          actor,
          id: req.params.id,
          body: { isActive: false },
          ip: req.ip,
          action: 'catalog.category.deactivate',
        });
      },
    );
    app.post(
      '/admin/categories/:id/sub-categories',
      {
        schema: {
          tags: ['admin', 'catalog'],
          summary: 'Add a sub-category',
          params: idParams,
          body: createSubCategoryBody,
          response: { 201: categoryView },
        },
      },
      async (req, reply) => {
        const actor = requireAdmin(req);
        const updated = await catalog.createSubCategory({ actor, categoryId: req.params.id, body: req.body, ip: req.ip });
        return reply.code(201).send(updated);
      },
    );
    app.patch(
      '/admin/sub-categories/:id',
      {
        schema: {
          tags: ['admin', 'catalog'],
          summary: 'Update a sub-category',
          params: idParams,
          body: updateSubCategoryBody,
          response: { 200: categoryView },
        },
      },
      async (req) => {
        const actor = requireAdmin(req);
        return catalog.updateSubCategory({ actor, id: req.params.id, body: req.body, ip: req.ip });
      },
    );
    app.delete(
      '/admin/sub-categories/:id',
      {
        schema: {
          tags: ['admin', 'catalog'],
          summary: 'Deactivate a sub-category',
          params: idParams,
          response: { 200: categoryView },
        },
      },
      async (req) => {
        const actor = requireAdmin(req);
        return catalog.updateSubCategory({
          actor,
          id: req.params.id,
          body: { isActive: false },
          ip: req.ip,
          action: 'catalog.subcategory.deactivate',
        });
      },
    );
  };
}
