-- A year rollup beside three month rollups, so that whole years of an overview or the annual analysis read one row
-- per area (or organisation) and year instead of twelve. Measured at 10 M sessions: the national totals of five years
-- summed 12,600 month rows of 84 columns and their cells (85 ms in PostgreSQL); the annual analysis summed 45,000
-- rows scattered over as many pages (190 ms).
--
-- A year rollup is kept from its month rollup, not from the sessions: a statement trigger on the month rollup adds
-- what the statement changed there (new rows minus old ones) to the year rows, in the writer's transaction and in key
-- order, as rollup_apply writes the months. So each year row is the sum of its months whatever writes them, and its
-- columns and sums are read here from the month table rather than written out again. Years have no foreign keys:
-- every key comes from a month row, whose keys are checked. A column added to a month rollup later needs this
-- generator run again for it; RollupYearsTest fails until then.
do $$
declare
    t record;
    pk text;          -- the year table's primary key columns, in the month table's key order with year for month
    keys text;        -- the month table's key columns but month
    key_defs text;
    measures text;
    measure_defs text;
    sums text;
    negated text;
    nonzero text;
    additions text;
    upsert text;
    added text;
    removed text;
begin
    for t in select * from (values
        ('rollup_municipality_month', 'rollup_municipality_year'),
        ('rollup_municipality_month_age_gender', 'rollup_municipality_year_age_gender'),
        ('rollup_organisation_country_month', 'rollup_organisation_country_year')) v (months, years)
    loop
        select string_agg(case when a.attname = 'month' then 'year' else quote_ident(a.attname) end, ', ' order by k.n),
               string_agg(quote_ident(a.attname), ', ' order by k.n) filter (where a.attname <> 'month'),
               string_agg(format('%I %s not null', a.attname, format_type(a.atttypid, a.atttypmod)), ', ' order by k.n)
                   filter (where a.attname <> 'month')
        into pk, keys, key_defs
        from pg_index i
        cross join lateral unnest(i.indkey) with ordinality k (attnum, n)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = t.months::regclass and i.indisprimary and k.n <= i.indnkeyatts;

        select string_agg(quote_ident(a.attname), ', ' order by a.attnum),
               string_agg(format('%I bigint not null default 0', a.attname), ', ' order by a.attnum),
               string_agg(format('sum(d.%I)', a.attname), ', ' order by a.attnum),
               string_agg(format('-%I', a.attname), ', ' order by a.attnum),
               string_agg(format('sum(d.%I) <> 0', a.attname), ' or ' order by a.attnum),
               string_agg(format('%1$I = y.%1$I + excluded.%1$I', a.attname), ', ' order by a.attnum)
        into measures, measure_defs, sums, negated, nonzero, additions
        from pg_attribute a
        where a.attrelid = t.months::regclass and a.attnum > 0 and not a.attisdropped
          and a.attname <> 'month' and a.attname not in (select unnest(string_to_array(replace(keys, ' ', ''), ',')));

        execute format('create table %I (%s, year integer not null, %s, primary key (%s))',
                       t.years, key_defs, measure_defs, pk);

        execute format('insert into %I (%s, year, %s) select %s, year, %s from (select *, cast(extract(year from month)'
                       || ' as integer) as year from %I) d group by %s, year order by %s',
                       t.years, keys, measures, keys, sums, t.months, keys, pk);

        -- One function and three triggers per pair: the statement's rows, old ones negated, summed by year. A
        -- transition table exists only for the events that have it, so each event has its own statement.
        upsert := format('insert into %I as y (%s, year, %s) select %s, year, %s from (SOURCE) d group by %s, year'
                         || ' having %s order by %s on conflict (%s) do update set %s',
                         t.years, keys, measures, keys, sums, keys, nonzero, pk, pk, additions);
        added := format('select %s, cast(extract(year from month) as integer) as year, %s from new_rows', keys, measures);
        removed := format('select %s, cast(extract(year from month) as integer) as year, %s from old_rows', keys, negated);
        execute format('create function %I() returns trigger language plpgsql as %L', t.years || '_apply',
                       format('begin if tg_op = %L then %s; elsif tg_op = %L then %s; else %s; end if; return null; end',
                              'INSERT', replace(upsert, 'SOURCE', added),
                              'UPDATE', replace(upsert, 'SOURCE', added || ' union all ' || removed),
                              replace(upsert, 'SOURCE', removed)));
        execute format('create trigger %I after insert on %I referencing new table as new_rows'
                       || ' for each statement execute function %I()', t.years || '_insert', t.months, t.years || '_apply');
        execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows'
                       || ' for each statement execute function %I()', t.years || '_update', t.months, t.years || '_apply');
        execute format('create trigger %I after delete on %I referencing old table as old_rows'
                       || ' for each statement execute function %I()', t.years || '_delete', t.months, t.years || '_apply');
    end loop;
end $$;

