-- Sign-in attempts at the token endpoint, kept where every instance of the service sees them, so that two instances
-- behind a balancer enforce one limit.
--
-- An attempt is written before its password is checked: it reserves one of the attempts a key may make in a minute,
-- under a transaction-level advisory lock on the key, so that parallel guesses cannot all pass the limit. A failed
-- check keeps the row; a success deletes it and the login's earlier failures. Rows older than the minute they count
-- in are pruned.
--
-- key_hash is the SHA-256 of "USER:<login in lower case>", "CLIENT:<client id in lower case>" or
-- "address:<client address>": what someone typed as a username (now and then a password, by mistake) is not stored.
-- Unlogged: a minute's counts are not worth the write-ahead log on an endpoint that is hammered on purpose; after a
-- crash the table starts empty, as the counts in memory did after a restart.
create unlogged table sign_in_attempt (
    id       bigint      generated always as identity primary key,
    key_hash bytea       not null check (length(key_hash) = 32),
    at       timestamptz not null default now()
);
create index sign_in_attempt_key_idx on sign_in_attempt (key_hash, at);
create index sign_in_attempt_at_idx on sign_in_attempt (at);
