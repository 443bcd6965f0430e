-- tradeoff catalog database. Generated from catalog/ by `tradeoff` (do not edit).
-- Money columns are decimal TEXT in USD per 1M tokens; NULL means unpriced / unknown.
PRAGMA foreign_keys = ON;

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE sources (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, url TEXT NOT NULL,
  licence TEXT NOT NULL, retrieved TEXT NOT NULL, "commit" TEXT, attribution TEXT,
  redistributable INTEGER NOT NULL
);

CREATE TABLE labs (id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT);

CREATE TABLE providers (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,
  defunct_since TEXT, url TEXT, lab_id TEXT,
  region_of TEXT, -- the same company's main provider: this one is a regional endpoint of it
  price_basis TEXT NOT NULL DEFAULT 'usd' -- usd, or points: prices paid in its own points
);

-- The fact columns here are a plain, query-friendly copy for people who download the
-- database; tradeoff itself reads facts (with provenance) from model_facts.
CREATE TABLE models (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, lab_id TEXT NOT NULL REFERENCES labs(id),
  family TEXT, weights_url TEXT,
  release_date TEXT, knowledge_cutoff TEXT, licence TEXT, open_weights INTEGER,
  parameters_total INTEGER, parameters_active INTEGER, architecture TEXT,
  experts_total INTEGER, experts_per_token INTEGER, context_tokens INTEGER,
  max_output_tokens INTEGER, modalities_input TEXT, modalities_output TEXT,
  kind TEXT -- text-generation | embedding | … (tradeoff.kinds.MODEL_KINDS); NULL = not yet sourced
);

-- Provenance of every model fact (and capability): value as JSON, its source and date.
CREATE TABLE model_facts (
  model_id TEXT NOT NULL REFERENCES models(id), field TEXT NOT NULL, value_json TEXT,
  source_id TEXT, checked TEXT, note TEXT, disputed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (model_id, field)
);

CREATE TABLE offerings (
  provider_id TEXT NOT NULL REFERENCES providers(id), provider_model_id TEXT NOT NULL,
  model_id TEXT REFERENCES models(id), name TEXT,
  input_per_mtok TEXT, output_per_mtok TEXT, cache_read_per_mtok TEXT,
  cache_write_per_mtok TEXT, reasoning_per_mtok TEXT, batch_input_per_mtok TEXT,
  batch_output_per_mtok TEXT, flex_input_per_mtok TEXT, flex_output_per_mtok TEXT,
  priority_input_per_mtok TEXT, priority_output_per_mtok TEXT, free INTEGER NOT NULL,
  context_tokens INTEGER, max_output_tokens INTEGER, quantization TEXT,
  capabilities_json TEXT NOT NULL, lifecycle TEXT NOT NULL, deprecated_on TEXT,
  retired_on TEXT, successor TEXT, link TEXT, source_url TEXT, source_id TEXT NOT NULL,
  checked TEXT NOT NULL,
  price_sources_json TEXT NOT NULL, disputed_json TEXT NOT NULL, price_origin TEXT,
  checked_source TEXT,  -- the source of the value ``checked`` dates; NULL: source_id
  PRIMARY KEY (provider_id, provider_model_id)
);
CREATE INDEX offerings_model ON offerings(model_id);

CREATE TABLE price_tiers (
  provider_id TEXT NOT NULL, provider_model_id TEXT NOT NULL, above_input_tokens INTEGER NOT NULL,
  input_per_mtok TEXT, output_per_mtok TEXT, cache_read_per_mtok TEXT, cache_write_per_mtok TEXT
);
CREATE INDEX price_tiers_offering ON price_tiers(provider_id, provider_model_id);

CREATE TABLE price_history (
  provider_id TEXT NOT NULL, provider_model_id TEXT NOT NULL, effective TEXT NOT NULL,
  input_per_mtok TEXT, output_per_mtok TEXT, source_id TEXT NOT NULL
);
CREATE INDEX price_history_offering ON price_history(provider_id, provider_model_id);

CREATE TABLE aliases (alias TEXT PRIMARY KEY, model_id TEXT NOT NULL, how TEXT NOT NULL);
CREATE TABLE ambiguous_names (name TEXT PRIMARY KEY, candidates_json TEXT NOT NULL);

CREATE TABLE conflicts (
  entity TEXT NOT NULL, field TEXT NOT NULL, chosen TEXT NOT NULL, chosen_source_id TEXT,
  values_json TEXT NOT NULL, rule TEXT NOT NULL
);
CREATE INDEX conflicts_entity ON conflicts(entity);

CREATE TABLE dropped_values (
  source_id TEXT NOT NULL, entity TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
  reason TEXT NOT NULL
);

CREATE TABLE unlinked (
  source_id TEXT NOT NULL, provider_id TEXT NOT NULL, provider_model_id TEXT NOT NULL,
  reason TEXT NOT NULL
);

CREATE TABLE skipped_models (id TEXT PRIMARY KEY, reason TEXT NOT NULL);
