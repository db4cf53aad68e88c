-- Participants by age band and gender together, per municipality and month: the cross table of the municipality
-- page, its sheet and its publication (whose secondary suppression needs the cells behind both marginals). The
-- other rollups keep only the marginals; this table is beside them rather than in rollup_apply's 86-field row, so it
-- is kept by a function of its own that the same statement triggers call with the same rows.
create table rollup_municipality_month_age_gender (
    municipality_code varchar(12) not null references municipality,
    month             date        not null,
    under15_female  bigint not null default 0,
    under15_male    bigint not null default 0,
    under15_other   bigint not null default 0,
    age15_19_female bigint not null default 0,
    age15_19_male   bigint not null default 0,
    age15_19_other  bigint not null default 0,
    age20_24_female bigint not null default 0,
    age20_24_male   bigint not null default 0,
    age20_24_other  bigint not null default 0,
    age25_29_female bigint not null default 0,
    age25_29_male   bigint not null default 0,
    age25_29_other  bigint not null default 0,
    over29_female   bigint not null default 0,
    over29_male     bigint not null default 0,
    over29_other    bigint not null default 0,
    primary key (municipality_code, month)
);

-- Written in key order, as rollup_apply writes, so writers sharing rows lock them in the same order. Sessions with no
-- cell reported, and pairs whose cells cancel out, write nothing.
create function rollup_age_gender_apply(removed youth_session[], added youth_session[]) returns void language sql as $$
    insert into rollup_municipality_month_age_gender as t (municipality_code, month, under15_female, under15_male, under15_other, age15_19_female, age15_19_male, age15_19_other, age20_24_female, age20_24_male, age20_24_other, age25_29_female, age25_29_male, age25_29_other, over29_female, over29_male, over29_other)
    select d.* from (
        select r.municipality_code, date_trunc('month', r.held_on)::date as month,
            sum(r.sign * coalesce(r.under15_female, 0)) as under15_female,
            sum(r.sign * coalesce(r.under15_male, 0)) as under15_male,
            sum(r.sign * coalesce(r.under15_other, 0)) as under15_other,
            sum(r.sign * coalesce(r.age15_19_female, 0)) as age15_19_female,
            sum(r.sign * coalesce(r.age15_19_male, 0)) as age15_19_male,
            sum(r.sign * coalesce(r.age15_19_other, 0)) as age15_19_other,
            sum(r.sign * coalesce(r.age20_24_female, 0)) as age20_24_female,
            sum(r.sign * coalesce(r.age20_24_male, 0)) as age20_24_male,
            sum(r.sign * coalesce(r.age20_24_other, 0)) as age20_24_other,
            sum(r.sign * coalesce(r.age25_29_female, 0)) as age25_29_female,
            sum(r.sign * coalesce(r.age25_29_male, 0)) as age25_29_male,
            sum(r.sign * coalesce(r.age25_29_other, 0)) as age25_29_other,
            sum(r.sign * coalesce(r.over29_female, 0)) as over29_female,
            sum(r.sign * coalesce(r.over29_male, 0)) as over29_male,
            sum(r.sign * coalesce(r.over29_other, 0)) as over29_other
        from (select u.*, -1 as sign from unnest(removed) u where u.deleted_at is null
              union all select u.*, 1 from unnest(added) u where u.deleted_at is null) r
        group by r.municipality_code, date_trunc('month', r.held_on)
    ) d
    where not (d.under15_female = 0 and d.under15_male = 0 and d.under15_other = 0 and d.age15_19_female = 0 and d.age15_19_male = 0 and d.age15_19_other = 0 and d.age20_24_female = 0 and d.age20_24_male = 0 and d.age20_24_other = 0 and d.age25_29_female = 0 and d.age25_29_male = 0 and d.age25_29_other = 0 and d.over29_female = 0 and d.over29_male = 0 and d.over29_other = 0)
    order by d.municipality_code, d.month
    on conflict (municipality_code, month) do update set
        under15_female = t.under15_female + excluded.under15_female,
        under15_male = t.under15_male + excluded.under15_male,
        under15_other = t.under15_other + excluded.under15_other,
        age15_19_female = t.age15_19_female + excluded.age15_19_female,
        age15_19_male = t.age15_19_male + excluded.age15_19_male,
        age15_19_other = t.age15_19_other + excluded.age15_19_other,
        age20_24_female = t.age20_24_female + excluded.age20_24_female,
        age20_24_male = t.age20_24_male + excluded.age20_24_male,
        age20_24_other = t.age20_24_other + excluded.age20_24_other,
        age25_29_female = t.age25_29_female + excluded.age25_29_female,
        age25_29_male = t.age25_29_male + excluded.age25_29_male,
        age25_29_other = t.age25_29_other + excluded.age25_29_other,
        over29_female = t.over29_female + excluded.over29_female,
        over29_male = t.over29_male + excluded.over29_male,
        over29_other = t.over29_other + excluded.over29_other;
$$;

-- V009's trigger function, now passing the same rows to both functions.
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
    perform rollup_apply(removed, added);
    perform rollup_age_gender_apply(removed, added);
    return null;
end;
$$;

-- The sessions stored before this migration.
insert into rollup_municipality_month_age_gender (municipality_code, month, under15_female, under15_male, under15_other, age15_19_female, age15_19_male, age15_19_other, age20_24_female, age20_24_male, age20_24_other, age25_29_female, age25_29_male, age25_29_other, over29_female, over29_male, over29_other)
select s.municipality_code, date_trunc('month', s.held_on)::date,
    sum(coalesce(s.under15_female, 0)),
    sum(coalesce(s.under15_male, 0)),
    sum(coalesce(s.under15_other, 0)),
    sum(coalesce(s.age15_19_female, 0)),
    sum(coalesce(s.age15_19_male, 0)),
    sum(coalesce(s.age15_19_other, 0)),
    sum(coalesce(s.age20_24_female, 0)),
    sum(coalesce(s.age20_24_male, 0)),
    sum(coalesce(s.age20_24_other, 0)),
    sum(coalesce(s.age25_29_female, 0)),
    sum(coalesce(s.age25_29_male, 0)),
    sum(coalesce(s.age25_29_other, 0)),
    sum(coalesce(s.over29_female, 0)),
    sum(coalesce(s.over29_male, 0)),
    sum(coalesce(s.over29_other, 0))
from youth_session s
where s.deleted_at is null
group by s.municipality_code, date_trunc('month', s.held_on)
having not (sum(coalesce(s.under15_female, 0)) = 0 and sum(coalesce(s.under15_male, 0)) = 0 and sum(coalesce(s.under15_other, 0)) = 0 and sum(coalesce(s.age15_19_female, 0)) = 0 and sum(coalesce(s.age15_19_male, 0)) = 0 and sum(coalesce(s.age15_19_other, 0)) = 0 and sum(coalesce(s.age20_24_female, 0)) = 0 and sum(coalesce(s.age20_24_male, 0)) = 0 and sum(coalesce(s.age20_24_other, 0)) = 0 and sum(coalesce(s.age25_29_female, 0)) = 0 and sum(coalesce(s.age25_29_male, 0)) = 0 and sum(coalesce(s.age25_29_other, 0)) = 0 and sum(coalesce(s.over29_female, 0)) = 0 and sum(coalesce(s.over29_male, 0)) = 0 and sum(coalesce(s.over29_other, 0)) = 0);
