-- A change that no figure counts (notes, title, start time, volunteers…; and each update's version and updated_at)
-- leaves the rollups alone. Such an update used to take the session out of four rollups and put it back, locking
-- and rewriting their rows for sums that did not move; now its old and new rows are dropped before rollup_apply.
--
-- A pair is dropped only when its rows agree on every column but those listed here, none of which any rollup sums:
-- a column added later is compared too, so forgetting it here costs a needless rewrite, never a wrong figure.
create function rollup_image(s youth_session) returns jsonb language sql immutable as $$
    select to_jsonb(s) - array['notes', 'title', 'start_time', 'participants_estimated', 'volunteers', 'young_leaders',
                               'logged_by', 'version', 'created_at', 'updated_at']
$$;

create or replace function youth_session_rollup() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform rollup_apply(array[]::youth_session[], array(select n::youth_session from new_rows n));
    elsif tg_op = 'UPDATE' then
        perform rollup_apply(
            array(select o::youth_session from old_rows o where not exists (
                select 1 from new_rows n where n.id = o.id and rollup_image(n::youth_session) = rollup_image(o::youth_session))),
            array(select n::youth_session from new_rows n where not exists (
                select 1 from old_rows o where o.id = n.id and rollup_image(o::youth_session) = rollup_image(n::youth_session))));
    else
        perform rollup_apply(array(select o::youth_session from old_rows o), array[]::youth_session[]);
    end if;
    return null;
end;
$$;
