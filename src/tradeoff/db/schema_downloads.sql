-- The download files (pages.downloads), made at database build and stored gzip-compressed, so
-- that a server sends them without building them (db.download_files). docs/architecture.md
CREATE TABLE download_files (
    name TEXT PRIMARY KEY,          -- 'catalog.sqlite', 'models.csv'… (pages.downloads.FILES)
    size INTEGER NOT NULL,          -- bytes of the file itself
    sha256 TEXT NOT NULL,           -- hex SHA-256 of the file itself (its ETag's source)
    gzip BLOB NOT NULL              -- the file gzip-compressed (level 9, mtime 0)
);
