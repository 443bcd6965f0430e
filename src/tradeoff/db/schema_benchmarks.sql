-- Benchmarks (src/tradeoff/benchmarks): the registry and sourced results, linked to models.
CREATE TABLE benchmarks (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, subset TEXT, version TEXT, metric TEXT NOT NULL,
  unit TEXT NOT NULL, higher_is_better INTEGER NOT NULL, homepage TEXT, category TEXT NOT NULL
);

-- One published score of one model; score is decimal TEXT; settings is a JSON object.
CREATE TABLE benchmark_results (
  id TEXT PRIMARY KEY, model_id TEXT NOT NULL REFERENCES models(id),
  benchmark_id TEXT NOT NULL REFERENCES benchmarks(id), subset TEXT NOT NULL,
  metric TEXT NOT NULL, metric_as_published TEXT NOT NULL, score TEXT NOT NULL,
  harness TEXT NOT NULL, harness_key TEXT NOT NULL, settings TEXT NOT NULL,
  run_by TEXT NOT NULL, reported TEXT NOT NULL, date TEXT,
  source_id TEXT NOT NULL REFERENCES sources(id), source_url TEXT NOT NULL,
  published_in TEXT NOT NULL, licence TEXT NOT NULL, source_model TEXT NOT NULL,
  matched_how TEXT NOT NULL,
  -- settings class beyond settings/harness: a preview checkpoint that is not this model's own
  -- release (never compared), the source's withdrawal (never compared), where the settings
  -- came from when the row copies a leaderboard row
  checkpoint TEXT NOT NULL DEFAULT '', withdrawn TEXT NOT NULL DEFAULT '',
  settings_from TEXT NOT NULL DEFAULT ''
);
CREATE INDEX benchmark_results_model ON benchmark_results (model_id);

-- Rows of the result files that name no canonical model of the catalog, with the reason.
CREATE TABLE benchmark_unmatched (
  result_id TEXT PRIMARY KEY, source_id TEXT NOT NULL, source_model TEXT NOT NULL,
  model_ref TEXT, benchmark_id TEXT NOT NULL, reason TEXT NOT NULL
);
