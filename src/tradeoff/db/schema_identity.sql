-- Identity (docs/identity.md): floating ids with the checkpoint they pointed to (target NULL:
-- unknown, note says why), and model pairs reviewed as different checkpoints.
CREATE TABLE floating_ids (
  id TEXT PRIMARY KEY, target_model_id TEXT REFERENCES models(id), as_of TEXT, source TEXT,
  note TEXT
);
CREATE TABLE distinct_models (
  model_a TEXT NOT NULL REFERENCES models(id), model_b TEXT NOT NULL REFERENCES models(id),
  reason TEXT NOT NULL, PRIMARY KEY (model_a, model_b)
);
