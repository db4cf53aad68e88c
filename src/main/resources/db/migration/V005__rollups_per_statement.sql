-- The rollups, maintained per statement instead of per row, and a coarser organisation rollup for the national
-- overview and the annual analysis.
--
-- A statement's old and new rows (its transition tables) are added up before they touch a rollup, so an import that
-- inserts a thousand sessions in one statement updates each rollup row once instead of a thousand times. The summed
-- rows are written in key order, so two writers that share rollup rows take their locks in the same order and never
-- deadlock. Generated from the code lists, as V004; a new method or theme needs its columns here and in
-- OverviewQueries.

-- Sessions per organisation, country where held, and month, with what the annual analysis reports of them: the
-- national byOrganisation, indicator 2.2.3 and the annual analysis read a row per organisation and month instead of
-- one per organisation, municipality and month.
create table rollup_organisation_country_month (
    organisation_id uuid       not null references organisation,
    country_code    varchar(2) not null references country,
    month           date       not null,
    sessions                                 bigint not null default 0,
    minutes                                  bigint not null default 0,
    worker_minutes                           bigint not null default 0,
    participants                             bigint not null default 0,
    first_time                               bigint not null default 0,
    unorganised                              bigint not null default 0,
    fewer_opportunities                      bigint not null default 0,
    youth_led_sessions                       bigint not null default 0,
    youth_led_minutes                        bigint not null default 0,
    under15                                  bigint not null default 0,
    age15_19                                 bigint not null default 0,
    age20_24                                 bigint not null default 0,
    age25_29                                 bigint not null default 0,
    over29                                   bigint not null default 0,
    female                                   bigint not null default 0,
    male                                     bigint not null default 0,
    other                                    bigint not null default 0,
    method_street_sessions                   bigint not null default 0,
    method_digital_sessions                  bigint not null default 0,
    method_informal_group_sessions           bigint not null default 0,
    method_open_sessions                     bigint not null default 0,
    method_group_programme_sessions          bigint not null default 0,
    method_event_sessions                    bigint not null default 0,
    method_counselling_sessions              bigint not null default 0,
    theme_autonomy_sessions                  bigint not null default 0,
    theme_non_formal_learning_sessions       bigint not null default 0,
    theme_employment_sessions                bigint not null default 0,
    theme_fewer_opportunities_sessions       bigint not null default 0,
    theme_volunteering_sessions              bigint not null default 0,
    theme_mobility_sessions                  bigint not null default 0,
    theme_health_sessions                    bigint not null default 0,
    theme_culture_sessions                   bigint not null default 0,
    theme_participation_sessions             bigint not null default 0,
    -- sessions in the key's index: indicator 2.2.3 reads an organisation's months off the index alone
    primary key (organisation_id, month, country_code) include (sessions)
);
-- The national byOrganisation and indicator read only these columns: an index-only scan skips the wide rows.
create index rollup_organisation_country_month_country_idx on rollup_organisation_country_month (country_code, month)
    include (organisation_id, sessions, minutes, participants);

-- The same for byOrganisation of a region or municipality.
drop index rollup_organisation_month_month_idx;
create index rollup_organisation_month_month_idx on rollup_organisation_month (municipality_code, month)
    include (organisation_id, sessions, minutes, participants);

-- Sessions, minutes and participants per organisation, municipality where held and year, with the sessions of each
-- month: byOrganisation and indicator 2.2.3 of whole years read a row per organisation and year instead of twelve.
create table rollup_organisation_year (
    organisation_id   uuid        not null references organisation,
    municipality_code varchar(12) not null references municipality,
    year              integer     not null,
    sessions          bigint      not null default 0,
    minutes           bigint      not null default 0,
    participants      bigint      not null default 0,
    m01               bigint      not null default 0,
    m02               bigint      not null default 0,
    m03               bigint      not null default 0,
    m04               bigint      not null default 0,
    m05               bigint      not null default 0,
    m06               bigint      not null default 0,
    m07               bigint      not null default 0,
    m08               bigint      not null default 0,
    m09               bigint      not null default 0,
    m10               bigint      not null default 0,
    m11               bigint      not null default 0,
    m12               bigint      not null default 0,
    primary key (organisation_id, year, municipality_code)
);
create index rollup_organisation_year_area_idx on rollup_organisation_year (municipality_code, year)
    include (organisation_id, sessions, minutes, participants);

drop trigger youth_session_rollup on youth_session;
drop function youth_session_rollup();
drop function rollup_add(youth_session, integer);

-- One change of a session to the rollups: its sums per organisation, municipality (and so country) and month.
create type rollup_delta as (
    organisation_id uuid,
    municipality_code varchar(12),
    country_code varchar(2),
    month date,
    sessions bigint,
    minutes bigint,
    worker_minutes bigint,
    participants bigint,
    first_time bigint,
    unorganised bigint,
    fewer_opportunities bigint,
    youth_led_sessions bigint,
    youth_led_minutes bigint,
    under15 bigint,
    age15_19 bigint,
    age20_24 bigint,
    age25_29 bigint,
    over29 bigint,
    female bigint,
    male bigint,
    other bigint,
    setting_youth_centre_sessions bigint,
    setting_youth_centre_minutes bigint,
    setting_youth_centre_participants bigint,
    setting_public_space_sessions bigint,
    setting_public_space_minutes bigint,
    setting_public_space_participants bigint,
    setting_online_sessions bigint,
    setting_online_minutes bigint,
    setting_online_participants bigint,
    setting_school_sessions bigint,
    setting_school_minutes bigint,
    setting_school_participants bigint,
    setting_other_sessions bigint,
    setting_other_minutes bigint,
    setting_other_participants bigint,
    method_street_sessions bigint,
    method_street_minutes bigint,
    method_street_participants bigint,
    method_digital_sessions bigint,
    method_digital_minutes bigint,
    method_digital_participants bigint,
    method_informal_group_sessions bigint,
    method_informal_group_minutes bigint,
    method_informal_group_participants bigint,
    method_open_sessions bigint,
    method_open_minutes bigint,
    method_open_participants bigint,
    method_group_programme_sessions bigint,
    method_group_programme_minutes bigint,
    method_group_programme_participants bigint,
    method_event_sessions bigint,
    method_event_minutes bigint,
    method_event_participants bigint,
    method_counselling_sessions bigint,
    method_counselling_minutes bigint,
    method_counselling_participants bigint,
    theme_autonomy_sessions bigint,
    theme_autonomy_minutes bigint,
    theme_autonomy_participants bigint,
    theme_non_formal_learning_sessions bigint,
    theme_non_formal_learning_minutes bigint,
    theme_non_formal_learning_participants bigint,
    theme_employment_sessions bigint,
    theme_employment_minutes bigint,
    theme_employment_participants bigint,
    theme_fewer_opportunities_sessions bigint,
    theme_fewer_opportunities_minutes bigint,
    theme_fewer_opportunities_participants bigint,
    theme_volunteering_sessions bigint,
    theme_volunteering_minutes bigint,
    theme_volunteering_participants bigint,
    theme_mobility_sessions bigint,
    theme_mobility_minutes bigint,
    theme_mobility_participants bigint,
    theme_health_sessions bigint,
    theme_health_minutes bigint,
    theme_health_participants bigint,
    theme_culture_sessions bigint,
    theme_culture_minutes bigint,
    theme_culture_participants bigint,
    theme_participation_sessions bigint,
    theme_participation_minutes bigint,
    theme_participation_participants bigint
);

-- Takes the removed sessions out of every rollup and adds the added ones: the one place that knows what each column
-- sums. Deleted sessions (deleted_at set) count nowhere, so they are neither added nor taken out. The sessions are
-- summed once, at the finest grain of the three rollups, and each rollup is written from those sums.
create function rollup_apply(removed youth_session[], added youth_session[]) returns void language plpgsql as $$
declare
    deltas rollup_delta[];
begin
    deltas := array(
        select row(r.organisation_id, r.municipality_code, m.country_code, date_trunc('month', r.held_on)::date,
            sum(r.sign * (1)),
            sum(r.sign * (r.duration_minutes)),
            sum(r.sign * (r.duration_minutes * r.youth_workers)),
            sum(r.sign * (r.participants_total)),
            sum(r.sign * (r.first_time_participants)),
            sum(r.sign * (r.unorganised_youth)),
            sum(r.sign * (r.fewer_opportunities)),
            sum(r.sign * (case when r.youth_led then 1 else 0 end)),
            sum(r.sign * (case when r.youth_led then r.duration_minutes else 0 end)),
            sum(r.sign * (coalesce(r.under15_female, 0) + coalesce(r.under15_male, 0) + coalesce(r.under15_other, 0))),
            sum(r.sign * (coalesce(r.age15_19_female, 0) + coalesce(r.age15_19_male, 0) + coalesce(r.age15_19_other, 0))),
            sum(r.sign * (coalesce(r.age20_24_female, 0) + coalesce(r.age20_24_male, 0) + coalesce(r.age20_24_other, 0))),
            sum(r.sign * (coalesce(r.age25_29_female, 0) + coalesce(r.age25_29_male, 0) + coalesce(r.age25_29_other, 0))),
            sum(r.sign * (coalesce(r.over29_female, 0) + coalesce(r.over29_male, 0) + coalesce(r.over29_other, 0))),
            sum(r.sign * (coalesce(r.under15_female, 0) + coalesce(r.age15_19_female, 0) + coalesce(r.age20_24_female, 0) + coalesce(r.age25_29_female, 0) + coalesce(r.over29_female, 0))),
            sum(r.sign * (coalesce(r.under15_male, 0) + coalesce(r.age15_19_male, 0) + coalesce(r.age20_24_male, 0) + coalesce(r.age25_29_male, 0) + coalesce(r.over29_male, 0))),
            sum(r.sign * (coalesce(r.under15_other, 0) + coalesce(r.age15_19_other, 0) + coalesce(r.age20_24_other, 0) + coalesce(r.age25_29_other, 0) + coalesce(r.over29_other, 0))),
            sum(r.sign * (case when r.setting = 'YOUTH_CENTRE' then 1 else 0 end)),
            sum(r.sign * (case when r.setting = 'YOUTH_CENTRE' then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.setting = 'YOUTH_CENTRE' then r.participants_total else 0 end)),
            sum(r.sign * (case when r.setting = 'PUBLIC_SPACE' then 1 else 0 end)),
            sum(r.sign * (case when r.setting = 'PUBLIC_SPACE' then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.setting = 'PUBLIC_SPACE' then r.participants_total else 0 end)),
            sum(r.sign * (case when r.setting = 'ONLINE' then 1 else 0 end)),
            sum(r.sign * (case when r.setting = 'ONLINE' then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.setting = 'ONLINE' then r.participants_total else 0 end)),
            sum(r.sign * (case when r.setting = 'SCHOOL' then 1 else 0 end)),
            sum(r.sign * (case when r.setting = 'SCHOOL' then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.setting = 'SCHOOL' then r.participants_total else 0 end)),
            sum(r.sign * (case when r.setting = 'OTHER' then 1 else 0 end)),
            sum(r.sign * (case when r.setting = 'OTHER' then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.setting = 'OTHER' then r.participants_total else 0 end)),
            sum(r.sign * (case when r.methods & 1 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.methods & 1 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.methods & 1 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.methods & 2 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.methods & 2 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.methods & 2 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.methods & 4 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.methods & 4 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.methods & 4 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.methods & 8 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.methods & 8 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.methods & 8 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.methods & 16 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.methods & 16 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.methods & 16 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.methods & 32 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.methods & 32 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.methods & 32 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.methods & 64 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.methods & 64 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.methods & 64 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.themes & 1 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.themes & 1 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.themes & 1 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.themes & 2 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.themes & 2 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.themes & 2 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.themes & 4 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.themes & 4 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.themes & 4 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.themes & 8 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.themes & 8 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.themes & 8 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.themes & 16 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.themes & 16 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.themes & 16 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.themes & 32 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.themes & 32 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.themes & 32 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.themes & 64 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.themes & 64 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.themes & 64 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.themes & 128 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.themes & 128 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.themes & 128 <> 0 then r.participants_total else 0 end)),
            sum(r.sign * (case when r.themes & 256 <> 0 then 1 else 0 end)),
            sum(r.sign * (case when r.themes & 256 <> 0 then r.duration_minutes else 0 end)),
            sum(r.sign * (case when r.themes & 256 <> 0 then r.participants_total else 0 end)))::rollup_delta
        from (select u.*, -1 as sign from unnest(removed) u where u.deleted_at is null
              union all select u.*, 1 from unnest(added) u where u.deleted_at is null) r
        join municipality m on m.code = r.municipality_code
        group by r.organisation_id, r.municipality_code, m.country_code, date_trunc('month', r.held_on));
    if cardinality(deltas) = 0 then
        return;
    end if;

    insert into rollup_municipality_month (municipality_code, month, sessions, minutes, worker_minutes, participants, first_time, unorganised, fewer_opportunities, youth_led_sessions, youth_led_minutes, under15, age15_19, age20_24, age25_29, over29, female, male, other, setting_youth_centre_sessions, setting_youth_centre_minutes, setting_youth_centre_participants, setting_public_space_sessions, setting_public_space_minutes, setting_public_space_participants, setting_online_sessions, setting_online_minutes, setting_online_participants, setting_school_sessions, setting_school_minutes, setting_school_participants, setting_other_sessions, setting_other_minutes, setting_other_participants, method_street_sessions, method_street_minutes, method_street_participants, method_digital_sessions, method_digital_minutes, method_digital_participants, method_informal_group_sessions, method_informal_group_minutes, method_informal_group_participants, method_open_sessions, method_open_minutes, method_open_participants, method_group_programme_sessions, method_group_programme_minutes, method_group_programme_participants, method_event_sessions, method_event_minutes, method_event_participants, method_counselling_sessions, method_counselling_minutes, method_counselling_participants, theme_autonomy_sessions, theme_autonomy_minutes, theme_autonomy_participants, theme_non_formal_learning_sessions, theme_non_formal_learning_minutes, theme_non_formal_learning_participants, theme_employment_sessions, theme_employment_minutes, theme_employment_participants, theme_fewer_opportunities_sessions, theme_fewer_opportunities_minutes, theme_fewer_opportunities_participants, theme_volunteering_sessions, theme_volunteering_minutes, theme_volunteering_participants, theme_mobility_sessions, theme_mobility_minutes, theme_mobility_participants, theme_health_sessions, theme_health_minutes, theme_health_participants, theme_culture_sessions, theme_culture_minutes, theme_culture_participants, theme_participation_sessions, theme_participation_minutes, theme_participation_participants)
    select d.municipality_code, d.month,
        sum(d.sessions), sum(d.minutes), sum(d.worker_minutes), sum(d.participants), sum(d.first_time), sum(d.unorganised), sum(d.fewer_opportunities), sum(d.youth_led_sessions), sum(d.youth_led_minutes), sum(d.under15), sum(d.age15_19), sum(d.age20_24), sum(d.age25_29), sum(d.over29), sum(d.female), sum(d.male), sum(d.other), sum(d.setting_youth_centre_sessions), sum(d.setting_youth_centre_minutes), sum(d.setting_youth_centre_participants), sum(d.setting_public_space_sessions), sum(d.setting_public_space_minutes), sum(d.setting_public_space_participants), sum(d.setting_online_sessions), sum(d.setting_online_minutes), sum(d.setting_online_participants), sum(d.setting_school_sessions), sum(d.setting_school_minutes), sum(d.setting_school_participants), sum(d.setting_other_sessions), sum(d.setting_other_minutes), sum(d.setting_other_participants), sum(d.method_street_sessions), sum(d.method_street_minutes), sum(d.method_street_participants), sum(d.method_digital_sessions), sum(d.method_digital_minutes), sum(d.method_digital_participants), sum(d.method_informal_group_sessions), sum(d.method_informal_group_minutes), sum(d.method_informal_group_participants), sum(d.method_open_sessions), sum(d.method_open_minutes), sum(d.method_open_participants), sum(d.method_group_programme_sessions), sum(d.method_group_programme_minutes), sum(d.method_group_programme_participants), sum(d.method_event_sessions), sum(d.method_event_minutes), sum(d.method_event_participants), sum(d.method_counselling_sessions), sum(d.method_counselling_minutes), sum(d.method_counselling_participants), sum(d.theme_autonomy_sessions), sum(d.theme_autonomy_minutes), sum(d.theme_autonomy_participants), sum(d.theme_non_formal_learning_sessions), sum(d.theme_non_formal_learning_minutes), sum(d.theme_non_formal_learning_participants), sum(d.theme_employment_sessions), sum(d.theme_employment_minutes), sum(d.theme_employment_participants), sum(d.theme_fewer_opportunities_sessions), sum(d.theme_fewer_opportunities_minutes), sum(d.theme_fewer_opportunities_participants), sum(d.theme_volunteering_sessions), sum(d.theme_volunteering_minutes), sum(d.theme_volunteering_participants), sum(d.theme_mobility_sessions), sum(d.theme_mobility_minutes), sum(d.theme_mobility_participants), sum(d.theme_health_sessions), sum(d.theme_health_minutes), sum(d.theme_health_participants), sum(d.theme_culture_sessions), sum(d.theme_culture_minutes), sum(d.theme_culture_participants), sum(d.theme_participation_sessions), sum(d.theme_participation_minutes), sum(d.theme_participation_participants)
    from unnest(deltas) d
    group by 1, 2
    order by 1, 2
    on conflict (municipality_code, month) do update set
        sessions = rollup_municipality_month.sessions + excluded.sessions,
        minutes = rollup_municipality_month.minutes + excluded.minutes,
        worker_minutes = rollup_municipality_month.worker_minutes + excluded.worker_minutes,
        participants = rollup_municipality_month.participants + excluded.participants,
        first_time = rollup_municipality_month.first_time + excluded.first_time,
        unorganised = rollup_municipality_month.unorganised + excluded.unorganised,
        fewer_opportunities = rollup_municipality_month.fewer_opportunities + excluded.fewer_opportunities,
        youth_led_sessions = rollup_municipality_month.youth_led_sessions + excluded.youth_led_sessions,
        youth_led_minutes = rollup_municipality_month.youth_led_minutes + excluded.youth_led_minutes,
        under15 = rollup_municipality_month.under15 + excluded.under15,
        age15_19 = rollup_municipality_month.age15_19 + excluded.age15_19,
        age20_24 = rollup_municipality_month.age20_24 + excluded.age20_24,
        age25_29 = rollup_municipality_month.age25_29 + excluded.age25_29,
        over29 = rollup_municipality_month.over29 + excluded.over29,
        female = rollup_municipality_month.female + excluded.female,
        male = rollup_municipality_month.male + excluded.male,
        other = rollup_municipality_month.other + excluded.other,
        setting_youth_centre_sessions = rollup_municipality_month.setting_youth_centre_sessions + excluded.setting_youth_centre_sessions,
        setting_youth_centre_minutes = rollup_municipality_month.setting_youth_centre_minutes + excluded.setting_youth_centre_minutes,
        setting_youth_centre_participants = rollup_municipality_month.setting_youth_centre_participants + excluded.setting_youth_centre_participants,
        setting_public_space_sessions = rollup_municipality_month.setting_public_space_sessions + excluded.setting_public_space_sessions,
        setting_public_space_minutes = rollup_municipality_month.setting_public_space_minutes + excluded.setting_public_space_minutes,
        setting_public_space_participants = rollup_municipality_month.setting_public_space_participants + excluded.setting_public_space_participants,
        setting_online_sessions = rollup_municipality_month.setting_online_sessions + excluded.setting_online_sessions,
        setting_online_minutes = rollup_municipality_month.setting_online_minutes + excluded.setting_online_minutes,
        setting_online_participants = rollup_municipality_month.setting_online_participants + excluded.setting_online_participants,
        setting_school_sessions = rollup_municipality_month.setting_school_sessions + excluded.setting_school_sessions,
        setting_school_minutes = rollup_municipality_month.setting_school_minutes + excluded.setting_school_minutes,
        setting_school_participants = rollup_municipality_month.setting_school_participants + excluded.setting_school_participants,
        setting_other_sessions = rollup_municipality_month.setting_other_sessions + excluded.setting_other_sessions,
        setting_other_minutes = rollup_municipality_month.setting_other_minutes + excluded.setting_other_minutes,
        setting_other_participants = rollup_municipality_month.setting_other_participants + excluded.setting_other_participants,
        method_street_sessions = rollup_municipality_month.method_street_sessions + excluded.method_street_sessions,
        method_street_minutes = rollup_municipality_month.method_street_minutes + excluded.method_street_minutes,
        method_street_participants = rollup_municipality_month.method_street_participants + excluded.method_street_participants,
        method_digital_sessions = rollup_municipality_month.method_digital_sessions + excluded.method_digital_sessions,
        method_digital_minutes = rollup_municipality_month.method_digital_minutes + excluded.method_digital_minutes,
        method_digital_participants = rollup_municipality_month.method_digital_participants + excluded.method_digital_participants,
        method_informal_group_sessions = rollup_municipality_month.method_informal_group_sessions + excluded.method_informal_group_sessions,
        method_informal_group_minutes = rollup_municipality_month.method_informal_group_minutes + excluded.method_informal_group_minutes,
        method_informal_group_participants = rollup_municipality_month.method_informal_group_participants + excluded.method_informal_group_participants,
        method_open_sessions = rollup_municipality_month.method_open_sessions + excluded.method_open_sessions,
        method_open_minutes = rollup_municipality_month.method_open_minutes + excluded.method_open_minutes,
        method_open_participants = rollup_municipality_month.method_open_participants + excluded.method_open_participants,
        method_group_programme_sessions = rollup_municipality_month.method_group_programme_sessions + excluded.method_group_programme_sessions,
        method_group_programme_minutes = rollup_municipality_month.method_group_programme_minutes + excluded.method_group_programme_minutes,
        method_group_programme_participants = rollup_municipality_month.method_group_programme_participants + excluded.method_group_programme_participants,
        method_event_sessions = rollup_municipality_month.method_event_sessions + excluded.method_event_sessions,
        method_event_minutes = rollup_municipality_month.method_event_minutes + excluded.method_event_minutes,
        method_event_participants = rollup_municipality_month.method_event_participants + excluded.method_event_participants,
        method_counselling_sessions = rollup_municipality_month.method_counselling_sessions + excluded.method_counselling_sessions,
        method_counselling_minutes = rollup_municipality_month.method_counselling_minutes + excluded.method_counselling_minutes,
        method_counselling_participants = rollup_municipality_month.method_counselling_participants + excluded.method_counselling_participants,
        theme_autonomy_sessions = rollup_municipality_month.theme_autonomy_sessions + excluded.theme_autonomy_sessions,
        theme_autonomy_minutes = rollup_municipality_month.theme_autonomy_minutes + excluded.theme_autonomy_minutes,
        theme_autonomy_participants = rollup_municipality_month.theme_autonomy_participants + excluded.theme_autonomy_participants,
        theme_non_formal_learning_sessions = rollup_municipality_month.theme_non_formal_learning_sessions + excluded.theme_non_formal_learning_sessions,
        theme_non_formal_learning_minutes = rollup_municipality_month.theme_non_formal_learning_minutes + excluded.theme_non_formal_learning_minutes,
        theme_non_formal_learning_participants = rollup_municipality_month.theme_non_formal_learning_participants + excluded.theme_non_formal_learning_participants,
        theme_employment_sessions = rollup_municipality_month.theme_employment_sessions + excluded.theme_employment_sessions,
        theme_employment_minutes = rollup_municipality_month.theme_employment_minutes + excluded.theme_employment_minutes,
        theme_employment_participants = rollup_municipality_month.theme_employment_participants + excluded.theme_employment_participants,
        theme_fewer_opportunities_sessions = rollup_municipality_month.theme_fewer_opportunities_sessions + excluded.theme_fewer_opportunities_sessions,
        theme_fewer_opportunities_minutes = rollup_municipality_month.theme_fewer_opportunities_minutes + excluded.theme_fewer_opportunities_minutes,
        theme_fewer_opportunities_participants = rollup_municipality_month.theme_fewer_opportunities_participants + excluded.theme_fewer_opportunities_participants,
        theme_volunteering_sessions = rollup_municipality_month.theme_volunteering_sessions + excluded.theme_volunteering_sessions,
        theme_volunteering_minutes = rollup_municipality_month.theme_volunteering_minutes + excluded.theme_volunteering_minutes,
        theme_volunteering_participants = rollup_municipality_month.theme_volunteering_participants + excluded.theme_volunteering_participants,
        theme_mobility_sessions = rollup_municipality_month.theme_mobility_sessions + excluded.theme_mobility_sessions,
        theme_mobility_minutes = rollup_municipality_month.theme_mobility_minutes + excluded.theme_mobility_minutes,
        theme_mobility_participants = rollup_municipality_month.theme_mobility_participants + excluded.theme_mobility_participants,
        theme_health_sessions = rollup_municipality_month.theme_health_sessions + excluded.theme_health_sessions,
        theme_health_minutes = rollup_municipality_month.theme_health_minutes + excluded.theme_health_minutes,
        theme_health_participants = rollup_municipality_month.theme_health_participants + excluded.theme_health_participants,
        theme_culture_sessions = rollup_municipality_month.theme_culture_sessions + excluded.theme_culture_sessions,
        theme_culture_minutes = rollup_municipality_month.theme_culture_minutes + excluded.theme_culture_minutes,
        theme_culture_participants = rollup_municipality_month.theme_culture_participants + excluded.theme_culture_participants,
        theme_participation_sessions = rollup_municipality_month.theme_participation_sessions + excluded.theme_participation_sessions,
        theme_participation_minutes = rollup_municipality_month.theme_participation_minutes + excluded.theme_participation_minutes,
        theme_participation_participants = rollup_municipality_month.theme_participation_participants + excluded.theme_participation_participants;
    insert into rollup_organisation_month (organisation_id, municipality_code, month, sessions, minutes, participants)
    select d.organisation_id, d.municipality_code, d.month, d.sessions, d.minutes, d.participants
    from unnest(deltas) d
    order by 1, 3, 2
    on conflict (organisation_id, month, municipality_code) do update set
        sessions = rollup_organisation_month.sessions + excluded.sessions,
        minutes = rollup_organisation_month.minutes + excluded.minutes,
        participants = rollup_organisation_month.participants + excluded.participants;
    insert into rollup_organisation_country_month (organisation_id, month, country_code, sessions, minutes, worker_minutes, participants, first_time, unorganised, fewer_opportunities, youth_led_sessions, youth_led_minutes, under15, age15_19, age20_24, age25_29, over29, female, male, other, method_street_sessions, method_digital_sessions, method_informal_group_sessions, method_open_sessions, method_group_programme_sessions, method_event_sessions, method_counselling_sessions, theme_autonomy_sessions, theme_non_formal_learning_sessions, theme_employment_sessions, theme_fewer_opportunities_sessions, theme_volunteering_sessions, theme_mobility_sessions, theme_health_sessions, theme_culture_sessions, theme_participation_sessions)
    select d.organisation_id, d.month, d.country_code,
        sum(d.sessions), sum(d.minutes), sum(d.worker_minutes), sum(d.participants), sum(d.first_time), sum(d.unorganised), sum(d.fewer_opportunities), sum(d.youth_led_sessions), sum(d.youth_led_minutes), sum(d.under15), sum(d.age15_19), sum(d.age20_24), sum(d.age25_29), sum(d.over29), sum(d.female), sum(d.male), sum(d.other), sum(d.method_street_sessions), sum(d.method_digital_sessions), sum(d.method_informal_group_sessions), sum(d.method_open_sessions), sum(d.method_group_programme_sessions), sum(d.method_event_sessions), sum(d.method_counselling_sessions), sum(d.theme_autonomy_sessions), sum(d.theme_non_formal_learning_sessions), sum(d.theme_employment_sessions), sum(d.theme_fewer_opportunities_sessions), sum(d.theme_volunteering_sessions), sum(d.theme_mobility_sessions), sum(d.theme_health_sessions), sum(d.theme_culture_sessions), sum(d.theme_participation_sessions)
    from unnest(deltas) d
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (organisation_id, month, country_code) do update set
        sessions = rollup_organisation_country_month.sessions + excluded.sessions,
        minutes = rollup_organisation_country_month.minutes + excluded.minutes,
        worker_minutes = rollup_organisation_country_month.worker_minutes + excluded.worker_minutes,
        participants = rollup_organisation_country_month.participants + excluded.participants,
        first_time = rollup_organisation_country_month.first_time + excluded.first_time,
        unorganised = rollup_organisation_country_month.unorganised + excluded.unorganised,
        fewer_opportunities = rollup_organisation_country_month.fewer_opportunities + excluded.fewer_opportunities,
        youth_led_sessions = rollup_organisation_country_month.youth_led_sessions + excluded.youth_led_sessions,
        youth_led_minutes = rollup_organisation_country_month.youth_led_minutes + excluded.youth_led_minutes,
        under15 = rollup_organisation_country_month.under15 + excluded.under15,
        age15_19 = rollup_organisation_country_month.age15_19 + excluded.age15_19,
        age20_24 = rollup_organisation_country_month.age20_24 + excluded.age20_24,
        age25_29 = rollup_organisation_country_month.age25_29 + excluded.age25_29,
        over29 = rollup_organisation_country_month.over29 + excluded.over29,
        female = rollup_organisation_country_month.female + excluded.female,
        male = rollup_organisation_country_month.male + excluded.male,
        other = rollup_organisation_country_month.other + excluded.other,
        method_street_sessions = rollup_organisation_country_month.method_street_sessions + excluded.method_street_sessions,
        method_digital_sessions = rollup_organisation_country_month.method_digital_sessions + excluded.method_digital_sessions,
        method_informal_group_sessions = rollup_organisation_country_month.method_informal_group_sessions + excluded.method_informal_group_sessions,
        method_open_sessions = rollup_organisation_country_month.method_open_sessions + excluded.method_open_sessions,
        method_group_programme_sessions = rollup_organisation_country_month.method_group_programme_sessions + excluded.method_group_programme_sessions,
        method_event_sessions = rollup_organisation_country_month.method_event_sessions + excluded.method_event_sessions,
        method_counselling_sessions = rollup_organisation_country_month.method_counselling_sessions + excluded.method_counselling_sessions,
        theme_autonomy_sessions = rollup_organisation_country_month.theme_autonomy_sessions + excluded.theme_autonomy_sessions,
        theme_non_formal_learning_sessions = rollup_organisation_country_month.theme_non_formal_learning_sessions + excluded.theme_non_formal_learning_sessions,
        theme_employment_sessions = rollup_organisation_country_month.theme_employment_sessions + excluded.theme_employment_sessions,
        theme_fewer_opportunities_sessions = rollup_organisation_country_month.theme_fewer_opportunities_sessions + excluded.theme_fewer_opportunities_sessions,
        theme_volunteering_sessions = rollup_organisation_country_month.theme_volunteering_sessions + excluded.theme_volunteering_sessions,
        theme_mobility_sessions = rollup_organisation_country_month.theme_mobility_sessions + excluded.theme_mobility_sessions,
        theme_health_sessions = rollup_organisation_country_month.theme_health_sessions + excluded.theme_health_sessions,
        theme_culture_sessions = rollup_organisation_country_month.theme_culture_sessions + excluded.theme_culture_sessions,
        theme_participation_sessions = rollup_organisation_country_month.theme_participation_sessions + excluded.theme_participation_sessions;
    insert into rollup_organisation_year (organisation_id, municipality_code, year, sessions, minutes, participants, m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12)
    select d.organisation_id, d.municipality_code, extract(year from d.month)::integer,
        sum(d.sessions), sum(d.minutes), sum(d.participants),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 1), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 2), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 3), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 4), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 5), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 6), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 7), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 8), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 9), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 10), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 11), 0),
        coalesce(sum(d.sessions) filter (where extract(month from d.month) = 12), 0)
    from unnest(deltas) d
    group by 1, 2, 3
    order by 1, 3, 2
    on conflict (organisation_id, year, municipality_code) do update set
        sessions = rollup_organisation_year.sessions + excluded.sessions,
        minutes = rollup_organisation_year.minutes + excluded.minutes,
        participants = rollup_organisation_year.participants + excluded.participants,
        m01 = rollup_organisation_year.m01 + excluded.m01,
        m02 = rollup_organisation_year.m02 + excluded.m02,
        m03 = rollup_organisation_year.m03 + excluded.m03,
        m04 = rollup_organisation_year.m04 + excluded.m04,
        m05 = rollup_organisation_year.m05 + excluded.m05,
        m06 = rollup_organisation_year.m06 + excluded.m06,
        m07 = rollup_organisation_year.m07 + excluded.m07,
        m08 = rollup_organisation_year.m08 + excluded.m08,
        m09 = rollup_organisation_year.m09 + excluded.m09,
        m10 = rollup_organisation_year.m10 + excluded.m10,
        m11 = rollup_organisation_year.m11 + excluded.m11,
        m12 = rollup_organisation_year.m12 + excluded.m12;
end;
$$;

create function youth_session_rollup() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform rollup_apply(array[]::youth_session[], array(select n::youth_session from new_rows n));
    elsif tg_op = 'UPDATE' then
        perform rollup_apply(array(select o::youth_session from old_rows o), array(select n::youth_session from new_rows n));
    else
        perform rollup_apply(array(select o::youth_session from old_rows o), array[]::youth_session[]);
    end if;
    return null;
end;
$$;

-- A trigger with transition tables serves one kind of statement: three triggers, one function.
create trigger youth_session_rollup_insert after insert on youth_session
    referencing new table as new_rows for each statement execute function youth_session_rollup();
create trigger youth_session_rollup_update after update on youth_session
    referencing old table as old_rows new table as new_rows for each statement execute function youth_session_rollup();
create trigger youth_session_rollup_delete after delete on youth_session
    referencing old table as old_rows for each statement execute function youth_session_rollup();

-- The sessions stored before this migration, into the new rollup (the other two are up to date).
insert into rollup_organisation_country_month (organisation_id, month, country_code, sessions, minutes, worker_minutes, participants, first_time, unorganised, fewer_opportunities, youth_led_sessions, youth_led_minutes, under15, age15_19, age20_24, age25_29, over29, female, male, other, method_street_sessions, method_digital_sessions, method_informal_group_sessions, method_open_sessions, method_group_programme_sessions, method_event_sessions, method_counselling_sessions, theme_autonomy_sessions, theme_non_formal_learning_sessions, theme_employment_sessions, theme_fewer_opportunities_sessions, theme_volunteering_sessions, theme_mobility_sessions, theme_health_sessions, theme_culture_sessions, theme_participation_sessions)
select r.organisation_id,
    date_trunc('month', r.held_on)::date,
    m.country_code,
    sum((1)),
    sum((r.duration_minutes)),
    sum((r.duration_minutes * r.youth_workers)),
    sum((r.participants_total)),
    sum((r.first_time_participants)),
    sum((r.unorganised_youth)),
    sum((r.fewer_opportunities)),
    sum((case when r.youth_led then 1 else 0 end)),
    sum((case when r.youth_led then r.duration_minutes else 0 end)),
    sum((coalesce(r.under15_female, 0) + coalesce(r.under15_male, 0) + coalesce(r.under15_other, 0))),
    sum((coalesce(r.age15_19_female, 0) + coalesce(r.age15_19_male, 0) + coalesce(r.age15_19_other, 0))),
    sum((coalesce(r.age20_24_female, 0) + coalesce(r.age20_24_male, 0) + coalesce(r.age20_24_other, 0))),
    sum((coalesce(r.age25_29_female, 0) + coalesce(r.age25_29_male, 0) + coalesce(r.age25_29_other, 0))),
    sum((coalesce(r.over29_female, 0) + coalesce(r.over29_male, 0) + coalesce(r.over29_other, 0))),
    sum((coalesce(r.under15_female, 0) + coalesce(r.age15_19_female, 0) + coalesce(r.age20_24_female, 0) + coalesce(r.age25_29_female, 0) + coalesce(r.over29_female, 0))),
    sum((coalesce(r.under15_male, 0) + coalesce(r.age15_19_male, 0) + coalesce(r.age20_24_male, 0) + coalesce(r.age25_29_male, 0) + coalesce(r.over29_male, 0))),
    sum((coalesce(r.under15_other, 0) + coalesce(r.age15_19_other, 0) + coalesce(r.age20_24_other, 0) + coalesce(r.age25_29_other, 0) + coalesce(r.over29_other, 0))),
    sum((case when r.methods & 1 <> 0 then 1 else 0 end)),
    sum((case when r.methods & 2 <> 0 then 1 else 0 end)),
    sum((case when r.methods & 4 <> 0 then 1 else 0 end)),
    sum((case when r.methods & 8 <> 0 then 1 else 0 end)),
    sum((case when r.methods & 16 <> 0 then 1 else 0 end)),
    sum((case when r.methods & 32 <> 0 then 1 else 0 end)),
    sum((case when r.methods & 64 <> 0 then 1 else 0 end)),
    sum((case when r.themes & 1 <> 0 then 1 else 0 end)),
    sum((case when r.themes & 2 <> 0 then 1 else 0 end)),
    sum((case when r.themes & 4 <> 0 then 1 else 0 end)),
    sum((case when r.themes & 8 <> 0 then 1 else 0 end)),
    sum((case when r.themes & 16 <> 0 then 1 else 0 end)),
    sum((case when r.themes & 32 <> 0 then 1 else 0 end)),
    sum((case when r.themes & 64 <> 0 then 1 else 0 end)),
    sum((case when r.themes & 128 <> 0 then 1 else 0 end)),
    sum((case when r.themes & 256 <> 0 then 1 else 0 end))
from youth_session r
join municipality m on m.code = r.municipality_code
where r.deleted_at is null
group by 1, 2, 3
order by 1, 2, 3;

insert into rollup_organisation_year (organisation_id, municipality_code, year, sessions, minutes, participants, m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12)
select r.organisation_id, r.municipality_code, extract(year from r.month)::integer,
    sum(r.sessions), sum(r.minutes), sum(r.participants),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 1), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 2), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 3), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 4), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 5), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 6), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 7), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 8), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 9), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 10), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 11), 0),
    coalesce(sum(r.sessions) filter (where extract(month from r.month) = 12), 0)
from rollup_organisation_month r
group by 1, 2, 3;
