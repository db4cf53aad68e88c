#!/usr/bin/env bash
# A quick tour of the logbook API against a running service, one request at a time: reference data,
# an organisation, and the life of a session (create, read, replace with If-Match, offline retry,
# invalid input, delete). Uses the request bodies next to this script.
#
#   samples/tour.sh                                  # the service at http://localhost:8080
#   BASE_URL=https://logbook.example.org samples/tour.sh
#   TOKEN=eyJ... samples/tour.sh                     # adds "Authorization: Bearer $TOKEN" to every request
#   BODY_LIMIT=0 samples/tour.sh                     # print response bodies in full (default: first 700 characters)
#
# Needs only bash, curl and coreutils. Each step says which status it expects; the tour ends with a
# non-zero exit status when an answer differed.
set -euo pipefail

BASE_URL="${BASE_URL:-http://localhost:8080}"
BASE_URL="${BASE_URL%/}"
API="$BASE_URL/api/v1"
BODY_LIMIT="${BODY_LIMIT:-700}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

CURL=(curl -s --max-time 10)
if [[ -n "${TOKEN:-}" ]]; then
    CURL+=(-H "Authorization: Bearer $TOKEN")
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

STEP=0
UNEXPECTED=0
STATUS=""

# call EXPECTED METHOD PATH [BODY_FILE] [-H 'Header: value' ...]
# Prints the request line and the answer (status line, headers, body), and keeps the answer in
# $WORK/headers and $WORK/body.
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
    local size
    size="$(wc -c < "$WORK/body")"
    if [[ "$BODY_LIMIT" -gt 0 && "$size" -gt "$BODY_LIMIT" ]]; then
        head -c "$BODY_LIMIT" "$WORK/body"
        echo " … ($((size - BODY_LIMIT)) more bytes)"
    elif [[ "$size" -gt 0 ]]; then
        cat "$WORK/body"
        echo
    fi
    if [[ "$STATUS" != "$expected" ]]; then
        UNEXPECTED=$((UNEXPECTED + 1))
        echo "!!! expected $expected, got $STATUS"
    fi
}

# A response header's value, from the last call.
header() {
    tr -d '\r' < "$WORK/headers" | grep -i "^$1:" | head -n 1 | sed 's/^[^:]*: *//' || true
}

# The "id" of the last call's JSON body.
body_id() {
    grep -o '"id" *: *"[0-9a-fA-F-]\{36\}"' "$WORK/body" | head -n 1 | sed 's/.*"\([0-9a-fA-F-]\{36\}\)"$/\1/' || true
}

# A copy of a sample body with the placeholder ORGANISATION_ID filled in.
with_organisation() {
    sed "s/ORGANISATION_ID/$ORG_ID/" "$HERE/$1" > "$WORK/$1"
    echo "$WORK/$1"
}

if [[ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$API/countries" || true)" == 000 ]]; then
    echo "tour.sh: the logbook service does not answer at $BASE_URL (start it with ./mvnw quarkus:dev, or set BASE_URL)." >&2
    exit 1
fi

echo "=== Reference data"
call 200 GET /countries
call 200 GET '/regions?country=SI'
call 200 GET '/municipalities?country=SI&region=SI034&size=5'
call 200 GET /code-lists -H 'Accept-Language: sl'

echo
echo "=== An organisation"
call 201 POST /organisations "$HERE/organisation.json"
ORG_ID="$(body_id)"
ORG_ETAG="$(header ETag)"
if [[ -z "$ORG_ID" ]]; then
    echo "tour.sh: no organisation id in the answer; stopping." >&2
    exit 1
fi
call 200 PUT "/organisations/$ORG_ID" "$HERE/organisation-update.json" -H "If-Match: $ORG_ETAG"

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
if (( UNEXPECTED > 0 )); then
    echo "Tour done: $STEP requests, $UNEXPECTED with an unexpected status."
    exit 1
fi
echo "Tour done: $STEP requests, all answered as expected."
