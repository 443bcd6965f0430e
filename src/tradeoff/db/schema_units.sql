-- Prices sold in a unit other than text tokens (tradeoff.units.UNITS): per 1M audio or image
-- tokens, per image, per minute of audio, per page... usd is decimal TEXT per one `unit`;
-- NULL: billed in that unit at a price the catalog does not hold (never $0). checked: the date
-- of the statement the price was taken from (its source's check or snapshot date).
CREATE TABLE unit_prices (
  provider_id TEXT NOT NULL, provider_model_id TEXT NOT NULL, component TEXT NOT NULL,
  unit TEXT NOT NULL, variant TEXT, usd TEXT, source_id TEXT NOT NULL, checked TEXT
);
CREATE INDEX unit_prices_offering ON unit_prices(provider_id, provider_model_id);
