-- Invordering: initial schema.
-- Money is bigint cents; the dates the law counts are `date`; moments are `timestamptz`.

CREATE TABLE import_batches (
    id              bigserial PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('aanslagen', 'betalingen', 'historie')),
    file_name       text        NOT NULL,
    sha256          char(64)    NOT NULL,
    status          text        NOT NULL CHECK (status IN ('staged', 'merged', 'rejected')),
    rows_read       integer     NOT NULL DEFAULT 0,
    accepted        integer     NOT NULL DEFAULT 0,
    rejected        integer     NOT NULL DEFAULT 0,
    duplicates      integer     NOT NULL DEFAULT 0,
    message         text,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz
);
CREATE UNIQUE INDEX import_batches_one_merge_per_file ON import_batches (kind, sha256) WHERE status = 'merged';

CREATE TABLE import_rejections (
    batch_id        bigint  NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    line            bigint  NOT NULL,
    column_name     text    NOT NULL,
    code            text    NOT NULL,
    message         text    NOT NULL,
    PRIMARY KEY (batch_id, line, column_name, code)
);

CREATE TABLE debtors (
    id              bigserial PRIMARY KEY,
    bsn             char(9)     UNIQUE,
    kvk             char(8)     UNIQUE,
    name            text        NOT NULL,
    street          text        NOT NULL,
    house_number    text        NOT NULL,
    postcode        char(6)     NOT NULL,
    city            text        NOT NULL,
    phone           text,
    email           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((bsn IS NULL) <> (kvk IS NULL))
);
CREATE INDEX debtors_postcode ON debtors (postcode);
CREATE INDEX debtors_name ON debtors (lower(name));

CREATE TABLE assessments (
    id                  bigserial PRIMARY KEY,
    assessment_number   varchar(20) NOT NULL UNIQUE,
    debtor_id           bigint      NOT NULL REFERENCES debtors (id),
    tax_year            smallint    NOT NULL,
    issue_date          date        NOT NULL,
    due_date            date        NOT NULL,
    instalments         smallint    NOT NULL DEFAULT 1 CHECK (instalments BETWEEN 1 AND 12),
    direct_debit        boolean     NOT NULL DEFAULT false,
    amount_cents        bigint      NOT NULL CHECK (amount_cents > 0),
    paid_cents          bigint      NOT NULL DEFAULT 0,
    payment_reference   char(16)    NOT NULL UNIQUE,
    tax_kind            text,
    content_hash        bigint      NOT NULL,
    batch_id            bigint      NOT NULL REFERENCES import_batches (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (due_date >= issue_date)
);
CREATE INDEX assessments_debtor ON assessments (debtor_id);
CREATE INDEX assessments_due_open ON assessments (due_date) WHERE paid_cents < amount_cents;

CREATE TABLE assessment_instalments (
    assessment_id   bigint  NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    sequence        smallint NOT NULL,
    due_date        date    NOT NULL,
    amount_cents    bigint  NOT NULL,
    PRIMARY KEY (assessment_id, sequence)
);

CREATE TABLE payments (
    id                  bigserial PRIMARY KEY,
    transaction_id      text        NOT NULL UNIQUE,
    booking_date        date        NOT NULL,
    amount_cents        bigint      NOT NULL,
    payment_reference   char(16),
    description         text,
    counterparty_iban   text,
    counterparty_name   text,
    assessment_id       bigint      REFERENCES assessments (id),
    status              text        NOT NULL CHECK (status IN ('matched', 'unmatched', 'reversed', 'reversal')),
    reversal_of         bigint      REFERENCES payments (id),
    batch_id            bigint      NOT NULL REFERENCES import_batches (id),
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_assessment ON payments (assessment_id);
CREATE INDEX payments_unmatched ON payments (created_at) WHERE status = 'unmatched';

CREATE TABLE payment_history (
    id                  bigserial PRIMARY KEY,
    bsn                 char(9),
    kvk                 char(8),
    tax_year            smallint    NOT NULL,
    assessment_number   varchar(20) NOT NULL,
    amount_cents        bigint      NOT NULL,
    outcome             text        NOT NULL,
    days_late           integer,
    settled_on          date,
    batch_id            bigint      NOT NULL REFERENCES import_batches (id),
    UNIQUE (assessment_number, tax_year),
    CHECK ((bsn IS NULL) <> (kvk IS NULL))
);
CREATE INDEX payment_history_bsn ON payment_history (bsn) WHERE bsn IS NOT NULL;
CREATE INDEX payment_history_kvk ON payment_history (kvk) WHERE kvk IS NOT NULL;

CREATE TABLE cost_tariffs (
    valid_from                  date    PRIMARY KEY,
    demand_threshold_cents      bigint  NOT NULL,
    demand_below_cents          bigint  NOT NULL,
    demand_at_or_above_cents    bigint  NOT NULL,
    writ_minimum_cents          bigint  NOT NULL,
    writ_maximum_cents          bigint  NOT NULL,
    writ_step_cents             bigint  NOT NULL,
    writ_step_size_cents        bigint  NOT NULL,
    writ_base_claim_cents       bigint  NOT NULL,
    renewed_writ_cents          bigint  NOT NULL
);
-- Kostenwet invordering rijksbelastingen figures as published (see docs); editable by beheer.
INSERT INTO cost_tariffs VALUES
    ('2024-01-01', 45400,  800, 1800, 4600, 1374500, 400, 4500, 4500, 1800),
    ('2025-01-01', 45400,  900, 1900, 4900, 1459700, 400, 4500, 4500, 1800);

CREATE TABLE collection_cases (
    id              bigserial PRIMARY KEY,
    assessment_id   bigint      NOT NULL UNIQUE REFERENCES assessments (id),
    debtor_id       bigint      NOT NULL REFERENCES debtors (id),
    opened_on       date        NOT NULL,
    status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome         text,
    closed_on       date,
    segment         text        NOT NULL CHECK (segment IN ('kan-en-wil', 'wil-niet', 'kan-niet')),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX collection_cases_debtor ON collection_cases (debtor_id);
CREATE INDEX collection_cases_open ON collection_cases (status) WHERE status = 'open';

CREATE TABLE case_costs (
    id              bigserial PRIMARY KEY,
    case_id         bigint      NOT NULL REFERENCES collection_cases (id),
    kind            text        NOT NULL,
    amount_cents    bigint      NOT NULL,
    charged_on      date        NOT NULL,
    reason          text,
    command_id      uuid        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_costs_case ON case_costs (case_id);

CREATE TABLE workflow_definitions (
    id              bigserial PRIMARY KEY,
    workflow_id     text        NOT NULL,
    version         integer     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    title           text        NOT NULL,
    segment         text        NOT NULL,
    definition      jsonb       NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz,
    UNIQUE (workflow_id, version)
);
CREATE UNIQUE INDEX workflow_definitions_one_published ON workflow_definitions (workflow_id) WHERE status = 'published';

CREATE TABLE workflow_instances (
    id              bigserial PRIMARY KEY,
    case_id         bigint      NOT NULL REFERENCES collection_cases (id),
    definition_id   bigint      NOT NULL REFERENCES workflow_definitions (id),
    current_step    text        NOT NULL,
    status          text        NOT NULL,
    wake_on         date,
    state           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    row_version     integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX workflow_instances_one_active ON workflow_instances (case_id) WHERE status NOT IN ('completed', 'switched');
CREATE INDEX workflow_instances_due ON workflow_instances (wake_on) WHERE wake_on IS NOT NULL;

CREATE TABLE workflow_journal (
    id              bigserial PRIMARY KEY,
    case_id         bigint      NOT NULL REFERENCES collection_cases (id),
    instance_id     bigint      REFERENCES workflow_instances (id),
    occurred_on     date        NOT NULL,
    at              timestamptz NOT NULL DEFAULT now(),
    kind            text        NOT NULL,
    step_id         text,
    actor           text        NOT NULL,
    reason          text        NOT NULL,
    data            jsonb
);
CREATE INDEX workflow_journal_case ON workflow_journal (case_id, id);

CREATE TABLE workflow_incidents (
    id              bigserial PRIMARY KEY,
    instance_id     bigint      NOT NULL REFERENCES workflow_instances (id),
    step_id         text        NOT NULL,
    error           text        NOT NULL,
    attempts        integer     NOT NULL,
    status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'retried', 'skipped')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    resolved_at     timestamptz,
    resolved_by     text
);

CREATE TABLE letters (
    id                  bigserial PRIMARY KEY,
    case_id             bigint      NOT NULL REFERENCES collection_cases (id),
    template_code       text        NOT NULL,
    template_version    integer     NOT NULL,
    letter_date         date        NOT NULL,
    pay_by              date,
    html                text        NOT NULL,
    data                jsonb       NOT NULL,
    content_hash        char(64)    NOT NULL,
    command_id          uuid        NOT NULL UNIQUE,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX letters_case ON letters (case_id);

CREATE TABLE field_tasks (
    id              bigserial PRIMARY KEY,
    case_id         bigint      NOT NULL REFERENCES collection_cases (id),
    kind            text        NOT NULL CHECK (kind IN ('telefoon', 'huisbezoek', 'beoordeling')),
    status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    due_date        date        NOT NULL,
    team            text,
    assigned_to     text,
    outcome         text,
    outcome_note    text,
    completed_at    timestamptz,
    command_id      uuid        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX field_tasks_open ON field_tasks (assigned_to, due_date) WHERE status = 'open';

CREATE TABLE seizure_orders (
    id              bigserial PRIMARY KEY,
    case_id         bigint      NOT NULL REFERENCES collection_cases (id),
    status          text        NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'recalled', 'paid', 'partly-paid', 'nothing-to-seize')),
    amount_cents    bigint      NOT NULL,
    command_id      uuid        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    closed_at       timestamptz
);

CREATE TABLE outbox_messages (
    sequence        bigserial   PRIMARY KEY,
    message_id      uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    message_type    text        NOT NULL,
    body            jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz
);
CREATE INDEX outbox_messages_pending ON outbox_messages (sequence) WHERE published_at IS NULL;

-- Wake the relay as soon as a transaction that wrote to the outbox commits.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

CREATE TABLE inbox_messages (
    message_id      uuid        NOT NULL,
    consumer        text        NOT NULL,
    handled_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);

CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT now(),
    actor           text        NOT NULL,
    action          text        NOT NULL,
    entity          text        NOT NULL,
    entity_id       text,
    reason          text,
    source          text,
    details         jsonb
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- The service's clock in demo and simulation mode: one row holding "today".
CREATE TABLE service_clock (
    singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    today           date    NOT NULL
);

-- Staging for imports: a file's rows land here by binary COPY in one transaction, then one
-- set-based merge (another transaction) moves them on and deletes them. A row that broke a rule
-- is staged as its error (err_* set) so that rows and rejections arrive in one COPY stream.
-- An import killed after staging leaves a 'staged' batch that the next run merges.
CREATE UNLOGGED TABLE staging_assessments (
    batch_id            bigint  NOT NULL,
    line                bigint  NOT NULL,
    err_column          text,
    err_code            text,
    err_message         text,
    assessment_number   text,
    tax_year            smallint,
    issue_date          date,
    due_date            date,
    instalments         smallint,
    direct_debit        boolean,
    amount_cents        bigint,
    payment_reference   text,
    bsn                 text,
    kvk                 text,
    name                text,
    street              text,
    house_number        text,
    postcode            text,
    city                text,
    phone               text,
    email               text,
    tax_kind            text,
    content_hash        bigint
);

CREATE UNLOGGED TABLE staging_payments (
    batch_id            bigint  NOT NULL,
    line                bigint  NOT NULL,
    err_column          text,
    err_code            text,
    err_message         text,
    transaction_id      text,
    booking_date        date,
    amount_cents        bigint,
    payment_reference   text,
    description         text,
    counterparty_iban   text,
    counterparty_name   text
);

CREATE UNLOGGED TABLE staging_history (
    batch_id            bigint  NOT NULL,
    line                bigint  NOT NULL,
    err_column          text,
    err_code            text,
    err_message         text,
    bsn                 text,
    kvk                 text,
    tax_year            smallint,
    assessment_number   text,
    amount_cents        bigint,
    outcome             text,
    days_late           integer,
    settled_on          date
);

-- Up to which outbox sequence every handled message is known to be consumed (for `run`).
CREATE TABLE outbox_settled (
    singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    sequence        bigint  NOT NULL
);
