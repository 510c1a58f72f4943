import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

export const pgliteExtensions = { pg_trgm, cube, earthdistance, btree_gist, pgcrypto, unaccent };

export async function createPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir: path.resolve(dataDir, 'pg') } : {}),
    extensions: pgliteExtensions,
  });
  return pglite;
}
