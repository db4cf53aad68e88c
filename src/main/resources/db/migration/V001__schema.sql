-- The write model of the logbook: areas, organisations and the sessions of youth work they log.
-- The rules of the API contract are repeated here, so that no client bug can store an impossible session.
-- No column holds personal data of a young person: participants are head counts only.

create table country (
    code varchar(2)   primary key check (code ~ '^[A-Z]{2}$'),
    name varchar(100) not null
);

create table region (
    code         varchar(10)  primary key,
    country_code varchar(2)   not null references country,
    name         varchar(100) not null,
    population   integer      check (population >= 0)
);
create index region_country_idx on region (country_code);

create table municipality (
    code         varchar(12)  primary key,
    region_code  varchar(10)  not null references region,
    country_code varchar(2)   not null references country,
    name         varchar(100) not null,
    population   integer      check (population >= 0)
);
create index municipality_region_idx on municipality (region_code);
create index municipality_country_idx on municipality (country_code);

create table organisation (
    id                uuid         primary key,
    name              varchar(200) not null check (length(btrim(name)) > 0),
    type              varchar(20)  not null check (type in ('YOUTH_CENTRE', 'YOUTH_ORGANISATION', 'OTHER')),
    municipality_code varchar(12)  not null references municipality,
    member            boolean      not null,
    version           integer      not null default 0,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
create index organisation_municipality_idx on organisation (municipality_code);

-- Methods and themes are bit sets (bit values in Method and Theme); participants are fifteen nullable counts,
-- one per (age band, gender): null means the pair was not reported, which keeps a stored session identical to
-- what the client sent, while every sum treats it as zero.
create table youth_session (
    id                      uuid         primary key,
    organisation_id         uuid         not null references organisation,
    municipality_code       varchar(12)  not null references municipality,
    held_on                 date         not null check (held_on >= date '2000-01-01'),
    start_time              time(0),
    duration_minutes        integer      not null check (duration_minutes between 1 and 1440),
    title                   varchar(200) not null check (length(btrim(title)) > 0),
    methods                 integer      not null check (methods > 0 and methods < 128),
    themes                  integer      not null check (themes > 0 and themes < 512),
    setting                 varchar(20)  not null check (setting in ('YOUTH_CENTRE', 'PUBLIC_SPACE', 'ONLINE', 'SCHOOL', 'OTHER')),
    under15_female          integer      check (under15_female between 0 and 10000),
    under15_male            integer      check (under15_male between 0 and 10000),
    under15_other           integer      check (under15_other between 0 and 10000),
    age15_19_female         integer      check (age15_19_female between 0 and 10000),
    age15_19_male           integer      check (age15_19_male between 0 and 10000),
    age15_19_other          integer      check (age15_19_other between 0 and 10000),
    age20_24_female         integer      check (age20_24_female between 0 and 10000),
    age20_24_male           integer      check (age20_24_male between 0 and 10000),
    age20_24_other          integer      check (age20_24_other between 0 and 10000),
    age25_29_female         integer      check (age25_29_female between 0 and 10000),
    age25_29_male           integer      check (age25_29_male between 0 and 10000),
    age25_29_other          integer      check (age25_29_other between 0 and 10000),
    over29_female           integer      check (over29_female between 0 and 10000),
    over29_male             integer      check (over29_male between 0 and 10000),
    over29_other            integer      check (over29_other between 0 and 10000),
    participants_total      integer      not null generated always as (
        coalesce(under15_female, 0) + coalesce(under15_male, 0) + coalesce(under15_other, 0)
      + coalesce(age15_19_female, 0) + coalesce(age15_19_male, 0) + coalesce(age15_19_other, 0)
      + coalesce(age20_24_female, 0) + coalesce(age20_24_male, 0) + coalesce(age20_24_other, 0)
      + coalesce(age25_29_female, 0) + coalesce(age25_29_male, 0) + coalesce(age25_29_other, 0)
      + coalesce(over29_female, 0) + coalesce(over29_male, 0) + coalesce(over29_other, 0)) stored,
    participants_estimated  boolean      not null default false,
    first_time_participants integer      not null default 0 check (first_time_participants >= 0),
    unorganised_youth       integer      not null default 0 check (unorganised_youth >= 0),
    fewer_opportunities     integer      not null default 0 check (fewer_opportunities >= 0),
    youth_workers           integer      not null check (youth_workers between 1 and 1000),
    volunteers              integer      not null default 0 check (volunteers between 0 and 1000),
    youth_led               boolean      not null default false,
    young_leaders           integer      not null default 0 check (young_leaders between 0 and 1000),
    notes                   varchar(4000),
    version                 integer      not null default 0,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    deleted_at              timestamptz,
    constraint youth_session_has_participants check (num_nonnulls(
        under15_female, under15_male, under15_other, age15_19_female, age15_19_male, age15_19_other,
        age20_24_female, age20_24_male, age20_24_other, age25_29_female, age25_29_male, age25_29_other,
        over29_female, over29_male, over29_other) > 0),
    constraint youth_session_sub_counts_within_total check (
        first_time_participants <= participants_total
        and unorganised_youth <= participants_total
        and fewer_opportunities <= participants_total)
);

-- The list filters: by organisation, by municipality, or neither; each index holds the list's whole order (newest
-- first), so a page is read off the index without sorting, and leaves deleted rows out.
create index youth_session_organisation_idx on youth_session
    (organisation_id, held_on desc, start_time desc nulls last, created_at desc, id desc) where deleted_at is null;
create index youth_session_municipality_idx on youth_session
    (municipality_code, held_on desc, start_time desc nulls last, created_at desc, id desc) where deleted_at is null;
create index youth_session_held_on_idx on youth_session
    (held_on desc, start_time desc nulls last, created_at desc, id desc) where deleted_at is null;
