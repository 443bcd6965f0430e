-- Price history (docs/history.md; records: tradeoff.history_records).
-- price_spans: one offering's state from effective_from (inclusive) to effective_to
-- (exclusive; NULL = in force at the last snapshot). Money: decimal TEXT, USD per 1M text
-- tokens, corrections applied. price_changes: classified dated events
-- (kind: price | correction | limit | lifecycle).
CREATE TABLE price_spans (
  provider_id TEXT NOT NULL, provider_model_id TEXT NOT NULL, model_id TEXT,
  effective_from TEXT NOT NULL, effective_to TEXT,
  input_per_mtok TEXT, output_per_mtok TEXT, cache_read_per_mtok TEXT,
  cache_write_per_mtok TEXT, context_tokens INTEGER, max_output_tokens INTEGER, status TEXT,
  source_id TEXT NOT NULL, "commit" TEXT
);
CREATE INDEX price_spans_model ON price_spans(model_id, effective_from);
CREATE INDEX price_spans_offering ON price_spans(provider_id, provider_model_id);

CREATE TABLE price_changes (
  provider_id TEXT NOT NULL, provider_model_id TEXT NOT NULL, model_id TEXT,
  date TEXT NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL,
  before_input TEXT, before_output TEXT, after_input TEXT, after_output TEXT,
  fields TEXT NOT NULL, -- ';'-joined
  source_id TEXT NOT NULL, "commit" TEXT, note TEXT
);
CREATE INDEX price_changes_model ON price_changes(model_id, date);
CREATE INDEX price_changes_date ON price_changes(date);
