-- What people need from the API: accounts that can be listed, disabled and given new credentials, each change in the
-- audit trail; sessions that know who logged them, so that a youth worker may correct their own.

-- The audit trail records changes to accounts too.
alter table audit_entry drop constraint audit_entry_entity_type_check;
alter table audit_entry add constraint audit_entry_entity_type_check
    check (entity_type in ('SESSION', 'ORGANISATION', 'ACCOUNT'));

-- A disabled account cannot sign in and its tokens stop working, until it is enabled again. A token issued before
-- credentials_changed_at (a new password or client secret) no longer works. version is the account's ETag.
alter table account add column disabled_at timestamptz;
alter table account add column credentials_changed_at timestamptz;
alter table account add column version integer not null default 0;

-- The account that logged the session; null for the system (demo data) and for an external identity provider's
-- subjects, which are no account of ours. Filled for the sessions logged so far from the audit trail's CREATE entry.
-- The rollup triggers are off for the fill: who logged a session is in no figure, and they would otherwise take out
-- and put back every session once.
alter table youth_session add column logged_by uuid;
alter table youth_session disable trigger youth_session_rollup_update;
update youth_session s set logged_by = a.actor_id
from audit_entry a
where a.entity_type = 'SESSION' and a.action = 'CREATE' and a.entity_id = s.id and a.actor_id is not null;
alter table youth_session enable trigger youth_session_rollup_update;
