-- Who added a tariff period and when, for the tariff editor (the audit log has the same with the figures).
ALTER TABLE cost_tariffs
    ADD COLUMN created_by text        NOT NULL DEFAULT 'systeem',
    ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
