import multipart from '@fastify/multipart';
import { documentIdParams, documentKindUpload, documentSummarySchema } from '@localpro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireRole } from '../../http/auth';
import { AppError } from '../../lib/errors';
import { documentView } from '../providers/providers.view';
import type { Onboarding } from '../providers/providers.wiring';

const tags = ['documents'];
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/** Provider document uploads (multipart, registered only in this plugin's scope) and document download/delete. */
export function documentsRoutes(o: Onboarding, limits: { uploadBytes: number }): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: limits.uploadBytes, files: 1, fields: 4, fieldSize: 200, parts: 6, headerPairs: 50 },
      throwFileSizeLimit: true,
    });

    app.post(
      '/providers/me/documents',
      {
        schema: {
          tags,
          summary: 'Upload a profile photo, portfolio image or certificate (multipart field "file"; kind as field or ?kind=)',
          querystring: z.strictObject({ kind: documentKindUpload.optional() }),
          response: { 201: documentSummarySchema },
        },
      },
      async (req, reply) => {
        const actor = requireRole(req, 'PROVIDER');
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
        const part = await req.file();
        if (!part) throw new AppError('VALIDATION_FAILED', 'Attach a file in the "file" field');
        const data = await part.toBuffer();
        const fieldKind = part.fields.kind;
        const rawKind = req.query.kind ?? (fieldKind && 'value' in fieldKind ? String(fieldKind.value) : undefined);
        const kind = documentKindUpload.safeParse(rawKind);
        if (!kind.success) {
          throw new AppError('VALIDATION_FAILED', 'Say which kind of document this is', {
            details: [{ path: 'kind', message: 'One of PROFILE_PHOTO, PORTFOLIO, CERTIFICATE' }],
          });
        }
        const own = await o.providers.findOwn(actor);
        const doc = await o.uploads.storeUpload({
          ownerUserId: actor.userId,
          providerId: own.profile.id,
          kind: kind.data,
          file: { data },
        });
        return reply.status(201).send(documentView(doc));
      },
    );

    app.get(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: 'Download a document (owner, admins; public photos of live providers)',
          params: documentIdParams,
        },
      },
      async (req, reply) => {
        const actor = req.actor;
        const { doc, body, isPublic } = await o.documents.getDocumentFile(actor, req.params.id);
        const disposition = doc.mimeType === 'application/pdf' ? 'attachment' : 'inline';
        return reply
          .header('content-type', doc.mimeType)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `${disposition}; filename="${doc.id}.${EXT[doc.mimeType] ?? 'bin'}"`)
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', isPublic ? 'public, max-age=300' : 'private, no-store')
          .send(body);
      },
    );

    app.delete(
      '/documents/:id',
      { schema: { tags, summary: 'Delete one of my documents', params: documentIdParams } },
      async (req, reply) => {
        await o.documents.deleteDocument(requireActor(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
}
