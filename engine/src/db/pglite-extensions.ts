import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';

/**
 * The PostgreSQL extensions the engine's tables use, as PGlite loads them (PostgreSQL has them as contrib):
 * btree_gin lets a search index hold the owner beside the document (search/search-sql.ts). Every PGlite the
 * engine opens loads them, or a database that uses them could not be read.
 */
export const PGLITE_EXTENSIONS = { btree_gin };
