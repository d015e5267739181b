-- Invordering: segmentation into customer groups (klantgroepen) from payment history.
-- Profiling under the GDPR (AVG art. 22): every segment keeps the rule and the facts that made it,
-- every change is a new row, and staff may override a segment with a reason.

-- Versioned rule sets; exactly one is published and used. A published version never changes.
CREATE TABLE segmentation_rule_sets (
    id              bigserial PRIMARY KEY,
    version         integer     NOT NULL UNIQUE,
    status          text        NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    title           text        NOT NULL,
    definition      jsonb       NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz
);
CREATE UNIQUE INDEX segmentation_rule_sets_one_published ON segmentation_rule_sets (status) WHERE status = 'published';

-- The facts per debtor the rules look at (see SegmentationFacts in the domain), recomputed set-based
-- by every run from the payment history of the last three years and the current assessments.
-- Derived data, so unlogged: after a crash the next run recomputes it; the facts each segment was
-- based on are kept with the segment in debtor_segments.
CREATE UNLOGGED TABLE debtor_facts (
    debtor_id                   bigint  PRIMARY KEY,
    computed_on                 date    NOT NULL,
    claims                      integer NOT NULL,
    on_time                     integer NOT NULL,
    on_time_percent             integer NOT NULL,
    paid_by_reminder_percent    integer NOT NULL,
    after_reminder              integer NOT NULL,
    after_demand                integer NOT NULL,
    after_writ                  integer NOT NULL,
    after_renewed_writ          integer NOT NULL,
    paid_to_bailiff             integer NOT NULL,
    paid_after_writ             integer NOT NULL,
    seizure_without_result      integer NOT NULL,
    payment_plan_kept           integer NOT NULL,
    payment_plan_lapsed         integer NOT NULL,
    remission_granted           integer NOT NULL,
    remission_granted_last_year integer NOT NULL,
    remission_refused           integer NOT NULL,
    written_off                 integer NOT NULL,
    average_days_late           integer NOT NULL,
    direct_debit_assessments    integer NOT NULL
);

-- History is matched to a debtor by BSN or KvK number: one key for both (a BSN has 9 digits, a KvK
-- number 8, so they never meet), indexed so that re-segmenting one debtor reads only their history.
CREATE INDEX payment_history_person ON payment_history ((coalesce(bsn, kvk)));

-- The direct-debit fact reads only this small index, not every assessment.
CREATE INDEX assessments_direct_debit ON assessments (debtor_id, tax_year) WHERE direct_debit;

-- Each debtor's computed segment: the rule that fired, the rule-set version, and the facts the rule
-- saw, in the same columns as debtor_facts. A change is a new row; the current one is flagged.
-- Writers hold the segmentation advisory lock (SegmentationLock), so a debtor never has two current
-- rows. No foreign keys: PostgreSQL checks those row by row (locking each debtor row), which made a
-- run over a million debtors many times slower (59 s of 117 s for a million); rows come only from
-- debtor_facts of existing debtors, and neither debtors nor rule-set versions are ever deleted.
CREATE TABLE debtor_segments (
    id                          bigserial   NOT NULL,
    debtor_id                   bigint      NOT NULL,
    segment                     text        NOT NULL CHECK (segment IN ('kan-en-wil', 'wil-niet', 'kan-niet')),
    rule_id                     text        NOT NULL,
    rule_set_version            integer     NOT NULL,
    is_current                  boolean     NOT NULL DEFAULT true,
    segmented_on                date        NOT NULL,
    segmented_at                timestamptz NOT NULL DEFAULT now(),
    claims                      integer     NOT NULL,
    on_time                     integer     NOT NULL,
    on_time_percent             integer     NOT NULL,
    paid_by_reminder_percent    integer     NOT NULL,
    after_reminder              integer     NOT NULL,
    after_demand                integer     NOT NULL,
    after_writ                  integer     NOT NULL,
    after_renewed_writ          integer     NOT NULL,
    paid_to_bailiff             integer     NOT NULL,
    paid_after_writ             integer     NOT NULL,
    seizure_without_result      integer     NOT NULL,
    payment_plan_kept           integer     NOT NULL,
    payment_plan_lapsed         integer     NOT NULL,
    remission_granted           integer     NOT NULL,
    remission_granted_last_year integer     NOT NULL,
    remission_refused           integer     NOT NULL,
    written_off                 integer     NOT NULL,
    average_days_late           integer     NOT NULL,
    direct_debit_assessments    integer     NOT NULL,
    -- One index serves both finding a debtor's rows and identifying a row.
    PRIMARY KEY (debtor_id, id)
);

-- A person's correction of a segment, with a required reason and an optional last day. The newest
-- override still in force wins over the computed segment; overrides outlive re-segmentation.
CREATE TABLE debtor_segment_overrides (
    id              bigserial   PRIMARY KEY,
    debtor_id       bigint      NOT NULL REFERENCES debtors (id),
    segment         text        NOT NULL CHECK (segment IN ('kan-en-wil', 'wil-niet', 'kan-niet')),
    reason          text        NOT NULL CHECK (length(btrim(reason)) > 0),
    ends_on         date,
    actor           text        NOT NULL,
    created_on      date        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX debtor_segment_overrides_debtor ON debtor_segment_overrides (debtor_id, id);

-- The override in force for a debtor on a day: the newest one whose last day has not passed.
CREATE FUNCTION debtor_segment_override(p_debtor_id bigint, p_today date) RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT o.id FROM debtor_segment_overrides o
    WHERE o.debtor_id = p_debtor_id AND (o.ends_on IS NULL OR o.ends_on >= p_today)
    ORDER BY o.id DESC LIMIT 1
$$;

-- The segment a debtor is treated as on a day: the override in force, else the current computed
-- segment, else kan-en-wil (never segmented). The one definition of the effective segment.
CREATE FUNCTION debtor_effective_segment(p_debtor_id bigint, p_today date) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        (SELECT o.segment FROM debtor_segment_overrides o WHERE o.id = debtor_segment_override(p_debtor_id, p_today)),
        (SELECT s.segment FROM debtor_segments s WHERE s.debtor_id = p_debtor_id AND s.is_current),
        'kan-en-wil')
$$;
