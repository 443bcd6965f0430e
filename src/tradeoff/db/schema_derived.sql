-- Precomputed at database build (db.derived; computed by tradeoff.pages.precompute from the
-- whole catalog): what a page would otherwise need the whole catalog for. docs/architecture.md
CREATE TABLE model_headline (
    model_id TEXT PRIMARY KEY REFERENCES models(id),
    blended_per_mtok TEXT,          -- the headline (cheapest) route's blended price, 70:30; NULL: unpriced
    capabilities TEXT NOT NULL      -- the model's capability set (compare.related.capability_set), comma-separated
);
CREATE TABLE related_models (
    model_id TEXT NOT NULL REFERENCES models(id),
    rank INTEGER NOT NULL,          -- 0 first: compare.related.related_models order
    related_id TEXT NOT NULL REFERENCES models(id),
    score REAL NOT NULL,
    reasons TEXT NOT NULL,          -- JSON list of strings
    PRIMARY KEY (model_id, rank)
);
CREATE TABLE sitemap_entries (
    position INTEGER PRIMARY KEY,   -- the sitemap's order (pages.sitemap)
    path TEXT NOT NULL,
    lastmod TEXT                    -- the date the page shows as "last reviewed"; NULL: none
);
CREATE TABLE derived_json (
    name TEXT PRIMARY KEY,          -- 'catalog_rows' (pages.catalog_table), 'downloads' (pages.downloads)
    json TEXT NOT NULL              -- the JSON-ready value the page module computed
);
CREATE TABLE model_values (
    model_id TEXT NOT NULL REFERENCES models(id),
    name TEXT NOT NULL,             -- 'pricing': compare.stored_pricing at the default blend; 'price_changes': pages.history's entry (null: no dated history)
    json TEXT NOT NULL,             -- the JSON-ready value
    PRIMARY KEY (model_id, name)
);
CREATE TABLE model_page_bases (
    model_id TEXT PRIMARY KEY REFERENCES models(id),
    -- the entries of what a catalog keeps of the model for its comparison pages
    -- (pages.comparison.kept.parts_bases): marshal of JSON-ready values (dict, list, str, int,
    -- bool, None), read at C speed and twice as cheaply as JSON; never pickle
    entries BLOB NOT NULL
);
