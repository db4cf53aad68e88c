#!/usr/bin/env bash
# A quick tour of the logbook API against a running service, one request at a time: an access token,
# reference data, an organisation, the life of a session (create, read, replace with If-Match, offline
# retry, invalid input, delete), then what other roles may see and the session's audit trail. Uses the
# request bodies next to this script.
#
#   samples/tour.sh                                  # the service at http://localhost:8080, as admin / admin
#   BASE_URL=https://logbook.example.org samples/tour.sh
#   ADMIN_USERNAME=root ADMIN_PASSWORD=... samples/tour.sh   # the administrator the tour signs in as
#   TOKEN=eyJ... samples/tour.sh                     # an administrator's access token, used as it is
#   BODY_LIMIT=0 samples/tour.sh                     # print response bodies in full (default: first 700 characters)
#
# Every /api/v1 path but POST /api/v1/auth/token needs "Authorization: Bearer <token>". Without TOKEN the
# tour first asks the token endpoint for one with ADMIN_USERNAME / ADMIN_PASSWORD (default admin / admin,
# the administrator of the development start). The steps about roles sign in as the demo accounts of the
# development start (velenje, worker, coordinator; LOGBOOK_DEMO_DATA, true by default there).
#
# Needs only bash, curl and coreutils. Each step says which status it expects; the tour ends with a
# non-zero exit status when an answer differed.
set -euo pipefail

BASE_URL="${BASE_URL:-http://localhost:8080}"
BASE_URL="${BASE_URL%/}"
API="$BASE_URL/api/v1"
BODY_LIMIT="${BODY_LIMIT:-700}"
ADMIN_USERNAME="${ADMIN_USERNAME:-admin}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

CURL=(curl -s --max-time 10)

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

STEP=0
UNEXPECTED=0
STATUS=""

# Whose access token the requests carry: AS names the account, AS_TOKEN is the token ("" for none).
AS=""
AS_TOKEN=""
# Set by token_step: the token it got.
GOT_TOKEN=""

# A token, shortened for printing: its start (the same header in every token) and its end (a piece of
# the signature, which tells tokens apart).
short_token() {
    if [[ ${#1} -gt 24 ]]; then printf '%s…%s' "${1:0:12}" "${1: -8}"; else printf '%s' "$1"; fi
}

# Prints the last call's body, at most BODY_LIMIT characters (0: all) and, when SHOW_LINES is set, at
# most that many lines.
show_body() {
    local size lines
    size="$(wc -c < "$WORK/body")"
    if [[ -n "${SHOW_LINES:-}" ]]; then
        lines="$(wc -l < "$WORK/body")"
        head -n "$SHOW_LINES" "$WORK/body"
        if [[ "$lines" -gt "$SHOW_LINES" ]]; then
            echo "… ($((lines - SHOW_LINES)) more lines)"
        fi
    elif [[ "$BODY_LIMIT" -gt 0 && "$size" -gt "$BODY_LIMIT" ]]; then
        head -c "$BODY_LIMIT" "$WORK/body"
        echo " … ($((size - BODY_LIMIT)) more bytes)"
    elif [[ "$size" -gt 0 ]]; then
        cat "$WORK/body"
        echo
    fi
}

# Checks the last call's status against the expected one.
check() {
    if [[ "$STATUS" != "$1" ]]; then
        UNEXPECTED=$((UNEXPECTED + 1))
        echo "!!! expected $1, got ${STATUS:-no answer}"
    fi
}

# token_step USERNAME PASSWORD: a step that asks the token endpoint for an access token (OAuth 2.0
# password grant, form-encoded) and sets GOT_TOKEN. Without a token the rest cannot run: a refusal
# stops the tour, showing the answer.
token_step() {
    local user="$1" password="$2"
    STEP=$((STEP + 1))
    echo
    echo "--- $STEP. expect 200 -----------------------------------------------------------------"
    echo "> POST $API/auth/token"
    echo "> Content-Type: application/x-www-form-urlencoded"
    echo "> grant_type=password&username=$user&password=(not shown)"
    if ! "${CURL[@]}" -D "$WORK/headers" -o "$WORK/body" --data-urlencode grant_type=password \
            --data-urlencode "username=$user" --data-urlencode "password=$password" "$API/auth/token"; then
        echo "tour.sh: no answer from $BASE_URL" >&2
        exit 1
    fi
    STATUS="$(head -n 1 "$WORK/headers" | cut -d ' ' -f 2)"
    tr -d '\r' < "$WORK/headers" | sed '/^$/d; s/^/< /'
    GOT_TOKEN="$(grep -o '"access_token" *: *"[^"]*"' "$WORK/body" | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/' || true)"
    # The token itself is long: shortened as in the requests that carry it.
    sed 's/\("access_token" *: *"[^"]\{12\}\)[^"]*\([^"]\{8\}"\)/\1…\2/' "$WORK/body"
    echo
    if [[ "$STATUS" != 200 || -z "$GOT_TOKEN" ]]; then
        echo "!!! expected 200 with an access_token, got ${STATUS:-no answer}"
        {
            echo "tour.sh: $API/auth/token gave no access token for \"$user\" (HTTP ${STATUS:-none}); it answered:"
            cat "$WORK/body"
            echo
            if [[ "$user" == "$ADMIN_USERNAME" ]]; then
                echo "Set ADMIN_USERNAME and ADMIN_PASSWORD to an administrator's, or TOKEN to an administrator's access token."
            else
                echo "The role steps sign in as the demo accounts of the development start (LOGBOOK_DEMO_DATA=true)."
            fi
        } >&2
        exit 1
    fi
}

# as NAME TOKEN: the following calls carry this token ("" for none) and say whose it is.
as() {
    AS="$1"
    AS_TOKEN="$2"
}

# call EXPECTED METHOD PATH [BODY_FILE] [-H 'Header: value' ...]
# Prints the request line and the answer (status line, headers, body), and keeps the answer in
# $WORK/headers and $WORK/body. The request carries the token set by "as".
call() {
    local expected="$1" method="$2" path="$3"
    shift 3
    local file=""
    if [[ $# -gt 0 && "$1" != -* ]]; then
        file="$1"
        shift
    fi
    local args=("${CURL[@]}" -X "$method" -D "$WORK/headers" -o "$WORK/body" "$@")
    STEP=$((STEP + 1))
    echo
    echo "--- $STEP. expect $expected -----------------------------------------------------------------"
    echo "> $method $API$path"
    if [[ -n "$AS_TOKEN" ]]; then
        args+=(-H "Authorization: Bearer $AS_TOKEN")
        echo "> Authorization: Bearer $(short_token "$AS_TOKEN")   ($AS)"
    else
        echo "> (no Authorization header)"
    fi
    local h
    for h in "$@"; do
        [[ "$h" == -H ]] || echo "> $h"
    done
    if [[ -n "$file" ]]; then
        echo "> (body: samples/${file##*/})"
        args+=(-H 'Content-Type: application/json' --data-binary "@$file")
    fi
    if ! "${args[@]}" "$API$path"; then
        echo "tour.sh: no answer from $BASE_URL" >&2
        exit 1
    fi
    STATUS="$(head -n 1 "$WORK/headers" | cut -d ' ' -f 2)"
    tr -d '\r' < "$WORK/headers" | sed '/^$/d; s/^/< /'
    show_body
    check "$expected"
}

# A response header's value, from the last call.
header() {
    tr -d '\r' < "$WORK/headers" | grep -i "^$1:" | head -n 1 | sed 's/^[^:]*: *//' || true
}

# The "id" of the last call's JSON body.
body_id() {
    grep -o '"id" *: *"[0-9a-fA-F-]\{36\}"' "$WORK/body" | head -n 1 | sed 's/.*"\([0-9a-fA-F-]\{36\}\)"$/\1/' || true
}

# A copy of a sample body for the tour's organisation. The samples leave organisationId out, as a youth
# worker or lead may (their account's organisation is taken); an administrator names it.
with_organisation() {
    sed "1s/^{/{\n  \"organisationId\": \"$ORG_ID\",/" "$HERE/$1" > "$WORK/$1"
    echo "$WORK/$1"
}

if [[ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$API/countries" || true)" == 000 ]]; then
    echo "tour.sh: the logbook service does not answer at $BASE_URL (start it with ./mvnw quarkus:dev, or set BASE_URL)." >&2
    exit 1
fi

echo "=== An access token: every path but the token endpoint needs one"
if [[ -n "${TOKEN:-}" ]]; then
    ADMIN_TOKEN="$TOKEN"
    ADMIN_AS="TOKEN from the environment"
    echo "(using TOKEN from the environment: $(short_token "$ADMIN_TOKEN"))"
else
    token_step "$ADMIN_USERNAME" "$ADMIN_PASSWORD"
    ADMIN_TOKEN="$GOT_TOKEN"
    ADMIN_AS="$ADMIN_USERNAME"
fi
as "$ADMIN_AS" "$ADMIN_TOKEN"

echo
echo "=== Reference data"
call 200 GET /countries
call 200 GET '/regions?country=SI'
call 200 GET '/municipalities?country=SI&region=SI034&size=5'
call 200 GET /code-lists -H 'Accept-Language: sl'

echo
echo "=== An organisation (only an administrator creates and changes them)"
# The one of samples/organisation.json when it is there already (the demo data has it), else created: the
# tour never makes a second copy of a centre.
call 200 GET '/organisations?municipalityCode=SI-133'
ORG_ID="$(grep -o '"id":"[0-9a-fA-F-]\{36\}","name":"Mladinski center Velenje"' "$WORK/body" | head -n 1 \
    | sed 's/^"id":"\([0-9a-fA-F-]\{36\}\)".*/\1/' || true)"
if [[ -n "$ORG_ID" ]]; then
    call 200 GET "/organisations/$ORG_ID"
else
    call 201 POST /organisations "$HERE/organisation.json"
    ORG_ID="$(body_id)"
fi
ORG_ETAG="$(header ETag)"
if [[ -z "$ORG_ID" ]]; then
    echo "tour.sh: no organisation id in the answer; stopping." >&2
    exit 1
fi
# A replacement names the version it replaces; here with the same content, so the centre stays as it is.
call 200 PUT "/organisations/$ORG_ID" "$HERE/organisation.json" -H "If-Match: $ORG_ETAG"

echo
echo "=== A session: create, read, replace"
call 201 POST /sessions "$(with_organisation session.json)"
SESSION_ID="$(body_id)"
if [[ -z "$SESSION_ID" ]]; then
    echo "tour.sh: no session id in the answer; stopping." >&2
    exit 1
fi
call 200 GET "/sessions/$SESSION_ID"
ETAG="$(header ETag)"
echo "(ETag of the session: $ETAG)"
call 200 PUT "/sessions/$SESSION_ID" "$(with_organisation session-update.json)" -H "If-Match: $ETAG"
echo "(ETag now: $(header ETag))"

echo
echo "=== Replacing needs the current version: a stale If-Match, then none"
call 412 PUT "/sessions/$SESSION_ID" "$WORK/session-update.json" -H "If-Match: $ETAG"
call 428 PUT "/sessions/$SESSION_ID" "$WORK/session-update.json"

echo
echo "=== Logged offline: the app retries the same POST with its own id"
# A fresh id each run, so that the tour can run again (an id belongs to one session for good).
OFFLINE_ID="$(</proc/sys/kernel/random/uuid)"
with_organisation session-offline.json > /dev/null
sed -i "s/\"id\": *\"[^\"]*\"/\"id\": \"$OFFLINE_ID\"/" "$WORK/session-offline.json"
call 201 POST /sessions "$WORK/session-offline.json"
call 200 POST /sessions "$WORK/session-offline.json"

echo
echo "=== Invalid input: 400 with the violations"
call 400 POST /sessions "$(with_organisation session-invalid.json)"
# An unknown code stops the reading of the body, so that answer names only it. Without it, the rules
# across fields are checked and every broken one is listed.
sed 's/, *"KARAOKE"//' "$WORK/session-invalid.json" > "$WORK/session-invalid-known-codes.json"
call 400 POST /sessions "$WORK/session-invalid-known-codes.json"

echo
echo "=== Delete"
call 204 DELETE "/sessions/$SESSION_ID"
call 404 GET "/sessions/$SESSION_ID"

echo
echo "=== The organisation's sessions, newest first"
call 200 GET "/sessions?organisationId=$ORG_ID"

echo
echo "=== Roles: a municipality sees its own overview, and nothing else"
token_step velenje velenje-demo-pass
as velenje "$GOT_TOKEN"
# A short part of the overview is enough here (BODY_LIMIT=0 still shows it all).
SHORT_LIMIT=$(( BODY_LIMIT > 0 && BODY_LIMIT < 300 ? BODY_LIMIT : (BODY_LIMIT == 0 ? 0 : 300) ))
BODY_LIMIT="$SHORT_LIMIT" call 200 GET /overviews/municipalities/SI-133
call 403 GET /overviews/municipalities/SI-061
call 403 GET /sessions

echo
echo "=== Roles: a youth worker logs for their centre, corrects their own session, sees the centre's work"
token_step worker worker-demo-pass
as worker "$GOT_TOKEN"
call 200 GET /users/me
WORKER_ORG="$(grep -o '"organisationId":"[0-9a-fA-F-]\{36\}"' "$WORK/body" | head -n 1 | sed 's/.*:"\(.*\)"$/\1/' || true)"
# No organisationId in the body: the account's organisation is taken.
call 201 POST /sessions "$HERE/session.json"
WORKER_SESSION="$(body_id)"
call 200 PUT "/sessions/$WORKER_SESSION" "$HERE/session-update.json" -H "If-Match: $(header ETag)"
BODY_LIMIT="$SHORT_LIMIT" call 200 GET "/overviews/organisations/$WORKER_ORG"
SHOW_LINES=3 call 200 GET "/sessions?from=$(date +%Y-%m-01)" -H 'Accept: text/csv'
call 204 DELETE "/sessions/$WORKER_SESSION"

echo
echo "=== No token: 401, as a problem"
as "" ""
call 401 GET /sessions
if [[ "$(header Content-Type)" != application/problem+json* ]]; then
    UNEXPECTED=$((UNEXPECTED + 1))
    echo "!!! expected Content-Type: application/problem+json"
fi

echo
echo "=== Roles: a network coordinator: the country's indicator 2.2.3 and who to follow up, the annual analysis as CSV"
token_step coordinator coordinator-demo-pass
as coordinator "$GOT_TOKEN"
BODY_LIMIT="$SHORT_LIMIT" call 200 GET /overviews/countries/SI
grep -o '"indicator223":{.*' "$WORK/body" | head -c 600 || true
echo
SHOW_LINES=2 call 200 GET '/reports/annual-analysis?country=SI' -H 'Accept: text/csv'

echo
echo "=== The audit trail of the session the tour created, replaced and deleted"
as "$ADMIN_AS" "$ADMIN_TOKEN"
call 200 GET "/sessions/$SESSION_ID/history"
ACTIONS="$(grep -o '"action" *: *"[A-Z_]*"' "$WORK/body" | sed 's/.*"\([A-Z_]*\)"$/\1/' | tr '\n' ' ' | sed 's/ $//' || true)"
echo "(actions, oldest first: ${ACTIONS:-none})"
if [[ "$ACTIONS" != "CREATE UPDATE DELETE" ]]; then
    UNEXPECTED=$((UNEXPECTED + 1))
    echo "!!! expected the actions CREATE UPDATE DELETE"
fi

echo
if (( UNEXPECTED > 0 )); then
    echo "Tour done: $STEP requests, $UNEXPECTED with an unexpected answer."
    exit 1
fi
echo "Tour done: $STEP requests, all answered as expected."
