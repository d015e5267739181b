-- Case work beyond the first release: resumable imports, camt.053 end-to-end ids and reversals,
-- message incidents, field tasks tied to their workflow step, payment plans and remission requests.

ALTER TABLE import_batches
    ADD COLUMN staged_rows integer NOT NULL DEFAULT 0; -- rows written to staging; a resumed merge checks they are all still there

ALTER TABLE payments ADD COLUMN end_to_end_id text;
CREATE INDEX payments_end_to_end ON payments (end_to_end_id) WHERE end_to_end_id IS NOT NULL;

ALTER TABLE staging_payments
    ADD COLUMN end_to_end_id text,
    ADD COLUMN reversal_of   text;

-- A message whose consumer kept failing after its retries: parked for staff to retry or skip.
CREATE TABLE message_incidents (
    message_id      uuid        PRIMARY KEY,
    message_type    text        NOT NULL,
    case_id         bigint      REFERENCES collection_cases (id),
    error           text        NOT NULL,
    status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'retried', 'skipped')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    resolved_at     timestamptz,
    resolved_by     text
);

-- A field task belongs to the workflow step that created it. Tasks made before this release
-- have no step to return to; none exist, since the first release created no field tasks.
ALTER TABLE field_tasks
    ADD COLUMN instance_id  bigint NOT NULL REFERENCES workflow_instances (id),
    ADD COLUMN step_id      text   NOT NULL,
    ADD COLUMN completed_on date;

CREATE TABLE payment_plans (
    id              bigserial PRIMARY KEY,
    case_id         bigint      NOT NULL REFERENCES collection_cases (id),
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'kept', 'defaulted')),
    agreed_on       date        NOT NULL,
    agreed_by       text        NOT NULL,
    paid_before_cents bigint    NOT NULL,
    reminded_on     date,
    closed_on       date,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX payment_plans_one_active ON payment_plans (case_id) WHERE status = 'active';

CREATE TABLE payment_plan_instalments (
    plan_id         bigint  NOT NULL REFERENCES payment_plans (id) ON DELETE CASCADE,
    sequence        smallint NOT NULL,
    due_date        date    NOT NULL,
    amount_cents    bigint  NOT NULL CHECK (amount_cents > 0),
    PRIMARY KEY (plan_id, sequence)
);

CREATE TABLE remission_requests (
    id              bigserial PRIMARY KEY,
    case_id         bigint      NOT NULL REFERENCES collection_cases (id),
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'refused')),
    requested_on    date        NOT NULL,
    decided_on      date,
    decided_by      text,
    reason          text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX remission_requests_one_pending ON remission_requests (case_id) WHERE status = 'pending';
