-- Duplicates can be cleaned up: an organisation is deleted (without sessions) or merged into another one. Its row stays,
-- for the audit trail and the sessions' history, but it is gone from every read.
alter table organisation add column deleted_at timestamptz;
-- The organisation a merged duplicate's sessions and accounts went to; null for one deleted without a merge.
alter table organisation add column merged_into uuid references organisation;
alter table organisation add constraint organisation_merged_is_deleted check (merged_into is null or deleted_at is not null);
alter table organisation add constraint organisation_not_merged_into_itself check (merged_into <> id);

-- Why a change was made, when the representation alone does not say it: "moved by merging organisation … into …".
alter table audit_entry add column note varchar(500);

-- A merge moves a duplicate's deleted sessions too (their history goes with them); the list indexes leave them out.
create index youth_session_deleted_organisation_idx on youth_session (organisation_id) where deleted_at is not null;
