-- A version per country that every change an overview can show bumps, in the writer's own transaction: sessions
-- held in the country or by its organisations, its organisations, its closed years, its areas' names. An overview's
-- ETag is made from it, so an unchanged answer is a 304 without a query over the figures.
--
-- The version is the sum of 16 rows per country, one per writer's connection (backend pid modulo 16): writers of one
-- country would otherwise queue on a single row lock until each commits. Rows appear on first use.
create table overview_version (
    country_code varchar(2) not null references country,
    shard        smallint   not null,
    version      bigint     not null,
    primary key (country_code, shard)
);

-- In country order, so two statements bumping the same countries lock them in the same order.
create function overview_versions_bump(countries varchar[]) returns void language sql as $$
    insert into overview_version as v (country_code, shard, version)
    select distinct c, (pg_backend_pid() % 16)::smallint, 1 from unnest(countries) c where c is not null order by 1
    on conflict (country_code, shard) do update set version = v.version + 1
$$;

-- V010's trigger function; the countries of the sessions that changed what a rollup counts are bumped: where they
-- were held, and where their organisations are (indicator 2.2.3 and the annual analysis count by the latter).
create or replace function youth_session_rollup() returns trigger language plpgsql as $$
declare
    removed youth_session[] := array[]::youth_session[];
    added youth_session[] := array[]::youth_session[];
begin
    if tg_op = 'INSERT' then
        added := array(select n::youth_session from new_rows n);
    elsif tg_op = 'UPDATE' then
        removed := array(select o::youth_session from old_rows o where not exists (
            select 1 from new_rows n where n.id = o.id and rollup_image(n::youth_session) = rollup_image(o::youth_session)));
        added := array(select n::youth_session from new_rows n where not exists (
            select 1 from old_rows o where o.id = n.id and rollup_image(o::youth_session) = rollup_image(n::youth_session)));
    else
        removed := array(select o::youth_session from old_rows o);
    end if;
    if cardinality(removed) + cardinality(added) = 0 then
        return null;
    end if;
    perform rollup_apply(removed, added);
    perform rollup_age_gender_apply(removed, added);
    perform overview_versions_bump(array(
        select m.country_code from unnest(removed || added) s join municipality m on m.code = s.municipality_code
        union
        select m.country_code from unnest(removed || added) s
            join organisation o on o.id = s.organisation_id join municipality m on m.code = o.municipality_code));
    return null;
end;
$$;

-- Organisations (names, membership, merges, a move), closed years and area names change seldom: a row trigger each.
create function organisation_overview_version() returns trigger language plpgsql as $$
begin
    perform overview_versions_bump(array(
        select m.country_code from municipality m
        where m.code in (case when tg_op <> 'INSERT' then old.municipality_code end,
                         case when tg_op <> 'DELETE' then new.municipality_code end)));
    return null;
end;
$$;
create trigger organisation_overview_version after insert or update or delete on organisation
    for each row execute function organisation_overview_version();

create function country_overview_version() returns trigger language plpgsql as $$
begin
    perform overview_versions_bump(array[case when tg_op <> 'INSERT' then old.country_code end,
                                         case when tg_op <> 'DELETE' then new.country_code end]::varchar[]);
    return null;
end;
$$;
create trigger closed_period_overview_version after insert or update or delete on closed_period
    for each row execute function country_overview_version();
create trigger municipality_overview_version after insert or update or delete on municipality
    for each row execute function country_overview_version();
create trigger region_overview_version after insert or update or delete on region
    for each row execute function country_overview_version();
