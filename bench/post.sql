-- pgbench: the SQL the service sends for one POST /sessions, in its order, on the real schema (triggers, foreign keys,
-- audit row), for one of the 1,000 sessions in bench_post (the ones bench/post.lua posts). Keep it in step with the
-- service: the statements are those PostgreSQL logs for a POST (log_statement = all). Needs -M prepared, and the
-- variables account and iat (the token's subject and issue time). One statement more than the service sends:
-- reading the session to post from bench_post. The service sends the row's 38 values and the actor as parameters;
-- this reads them.
\set n random(1, 1000)
select organisation_id as org from bench_post where n = :n \gset
-- The token's account, checked outside the transaction (AccountCheck).
select 1 from account where id = :account and deleted_at is null and disabled_at is null
  and (credentials_changed_at is null or date_trunc('second', credentials_changed_at) <= to_timestamp(:iat));
begin;
select o.id, o.created_at, o.deleted_at, o.member, o.merged_into, o.municipality_code, o.name, o.type, o.updated_at,
  o.version from organisation o where o.id = :org;
select id from organisation where id = :org and deleted_at is null for key share;
select count(*) from closed_period where country_code = 'SI' and year between 2026 and 2026;
with inserted as (insert into youth_session (id, organisation_id, municipality_code, held_on, start_time,
  duration_minutes, title, methods, themes, setting, under15_female, under15_male, under15_other, age15_19_female,
  age15_19_male, age15_19_other, age20_24_female, age20_24_male, age20_24_other, age25_29_female, age25_29_male,
  age25_29_other, over29_female, over29_male, over29_other, participants_estimated, first_time_participants,
  unorganised_youth, fewer_opportunities, youth_workers, volunteers, youth_led, young_leaders, notes, version,
  created_at, updated_at, logged_by)
select gen_random_uuid(), organisation_id, municipality_code, held_on, start_time, duration_minutes, title, methods,
  themes, setting, under15_female, under15_male, under15_other, age15_19_female, age15_19_male, age15_19_other,
  age20_24_female, age20_24_male, age20_24_other, age25_29_female, age25_29_male, age25_29_other, over29_female,
  over29_male, over29_other, participants_estimated, first_time_participants, unorganised_youth, fewer_opportunities,
  youth_workers, volunteers, youth_led, young_leaders, notes, 0, now(), now(), :account
from bench_post where n = :n returning id, created_at)
insert into audit_entry (entity_type, entity_id, action, actor_id, actor_name, actor_role, at)
select 'SESSION', id, 'CREATE', :account, 'admin', 'ADMIN', created_at from inserted;
commit;
