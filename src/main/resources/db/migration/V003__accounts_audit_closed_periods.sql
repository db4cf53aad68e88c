-- Who may see and change what: the accounts of people and machines, the audit trail, and closed periods.

-- A person (kind USER, signs in with username and password) or a machine (kind CLIENT, client_id and secret).
-- Secrets are bcrypt hashes only. The scope columns say what the account belongs to, exactly one per role.
create table account (
    id                uuid         primary key,
    kind              varchar(10)  not null check (kind in ('USER', 'CLIENT')),
    login             varchar(100) not null check (length(btrim(login)) > 0),
    name              varchar(200),
    secret_hash       varchar(100) not null,
    role              varchar(30)  not null check (role in ('YOUTH_WORKER', 'ORGANISATION_LEAD', 'MUNICIPALITY',
                                                            'NETWORK_COORDINATOR', 'ADMIN')),
    organisation_id   uuid         references organisation,
    municipality_code varchar(12)  references municipality,
    country_code      varchar(2)   references country,
    created_at        timestamptz  not null,
    created_by        uuid,
    deleted_at        timestamptz,
    constraint account_scope check (
        (role in ('YOUTH_WORKER', 'ORGANISATION_LEAD') and organisation_id is not null and municipality_code is null and country_code is null)
        or (role = 'MUNICIPALITY' and municipality_code is not null and organisation_id is null and country_code is null)
        or (role = 'NETWORK_COORDINATOR' and country_code is not null and organisation_id is null and municipality_code is null)
        or (role = 'ADMIN' and organisation_id is null and municipality_code is null and country_code is null))
);
-- A login names one live account; a deleted account's name can be given again.
create unique index account_login_idx on account (lower(login)) where deleted_at is null;
create index account_organisation_idx on account (organisation_id);

-- Every change to a session or an organisation: who, when, and the state before and after (null when created or
-- deleted). Written in the same transaction as the change; the database refuses to change or delete a row.
-- Ids come from a sequence that hands out blocks of 50, so that a bulk import can batch its audit rows.
create sequence audit_entry_id_seq increment by 50;
create table audit_entry (
    id           bigint       primary key default nextval('audit_entry_id_seq'),
    entity_type  varchar(20)  not null check (entity_type in ('SESSION', 'ORGANISATION')),
    entity_id    uuid         not null,
    action       varchar(10)  not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
    actor_id     uuid,
    actor_name   varchar(200) not null,
    actor_role   varchar(30)  not null,
    at           timestamptz  not null,
    before       jsonb,
    after        jsonb
);
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id, id);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail cannot be changed or deleted' using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- A year a network coordinator has closed for its country: its sessions can no longer be created, changed or deleted.
create table closed_period (
    country_code varchar(2)  not null references country,
    year         integer     not null check (year between 2000 and 2999),
    closed_at    timestamptz not null,
    closed_by    uuid,
    primary key (country_code, year)
);
