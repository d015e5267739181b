-- Invordering: the people who sign in to the web application (ASP.NET Core Identity's EF stores,
-- schema version 1, named in snake_case like the rest), the four roles, and notes staff write on a case.

CREATE TABLE staff_users (
    id                      text        PRIMARY KEY,
    user_name               varchar(256),
    normalized_user_name    varchar(256),
    email                   varchar(256),
    normalized_email        varchar(256),
    email_confirmed         boolean     NOT NULL DEFAULT false,
    password_hash           text,
    security_stamp          text,
    concurrency_stamp       text,
    phone_number            text,
    phone_number_confirmed  boolean     NOT NULL DEFAULT false,
    two_factor_enabled      boolean     NOT NULL DEFAULT false,
    lockout_end             timestamptz,
    lockout_enabled         boolean     NOT NULL DEFAULT true,
    access_failed_count     integer     NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_users_user_name ON staff_users (normalized_user_name);
CREATE INDEX staff_users_email ON staff_users (normalized_email);

CREATE TABLE staff_roles (
    id                  text        PRIMARY KEY,
    name                varchar(256),
    normalized_name     varchar(256),
    concurrency_stamp   text
);
CREATE UNIQUE INDEX staff_roles_name ON staff_roles (normalized_name);

CREATE TABLE staff_user_roles (
    user_id     text    NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    role_id     text    NOT NULL REFERENCES staff_roles (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);
CREATE INDEX staff_user_roles_role ON staff_user_roles (role_id);

CREATE TABLE staff_user_claims (
    id          serial  PRIMARY KEY,
    user_id     text    NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    claim_type  text,
    claim_value text
);
CREATE INDEX staff_user_claims_user ON staff_user_claims (user_id);

CREATE TABLE staff_role_claims (
    id          serial  PRIMARY KEY,
    role_id     text    NOT NULL REFERENCES staff_roles (id) ON DELETE CASCADE,
    claim_type  text,
    claim_value text
);
CREATE INDEX staff_role_claims_role ON staff_role_claims (role_id);

CREATE TABLE staff_user_logins (
    login_provider          text    NOT NULL,
    provider_key            text    NOT NULL,
    provider_display_name   text,
    user_id                 text    NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    PRIMARY KEY (login_provider, provider_key)
);
CREATE INDEX staff_user_logins_user ON staff_user_logins (user_id);

-- Holds the TOTP authenticator key of a user (login_provider '[AspNetUserStore]', name 'AuthenticatorKey').
CREATE TABLE staff_user_tokens (
    user_id         text    NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
    login_provider  text    NOT NULL,
    name            text    NOT NULL,
    value           text,
    PRIMARY KEY (user_id, login_provider, name)
);

-- The roles, fixed: what each may do is decided in code (see the web application's authorization).
INSERT INTO staff_roles (id, name, normalized_name, concurrency_stamp) VALUES
    ('invordering', 'invordering', 'INVORDERING', 'invordering'),
    ('buitendienst', 'buitendienst', 'BUITENDIENST', 'buitendienst'),
    ('beheer', 'beheer', 'BEHEER', 'beheer'),
    ('auditor', 'auditor', 'AUDITOR', 'auditor');

-- A note a staff member wrote on a case, shown in the case's timeline. Never changed.
CREATE TABLE case_notes (
    id          bigserial   PRIMARY KEY,
    case_id     bigint      NOT NULL REFERENCES collection_cases (id),
    text        text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    written_by  text        NOT NULL,
    written_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_case ON case_notes (case_id);

CREATE INDEX audit_log_at ON audit_log (at DESC);

-- The keys that protect session cookies, bearer tokens and anti-forgery tokens (ASP.NET Core data protection),
-- shared by every instance of the web application and kept across restarts.
CREATE TABLE data_protection_keys (
    id              serial  PRIMARY KEY,
    friendly_name   text,
    xml             text    NOT NULL
);
