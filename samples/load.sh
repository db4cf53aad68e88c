#!/usr/bin/env bash
# Loads a realistic month of youth work into a running logbook service: the 13 sample youth centres and
# about two hundred sessions they logged in the 30 days that end yesterday.
#
#   samples/load.sh                                  # the service at http://localhost:8080
#   BASE_URL=https://logbook.example.org samples/load.sh
#   ADMIN_USERNAME=root ADMIN_PASSWORD=... samples/load.sh   # the administrator it signs in as
#   TOKEN=eyJ... samples/load.sh                     # an administrator's access token, used as it is
#
# Every /api/v1 path but POST /api/v1/auth/token needs "Authorization: Bearer <token>", and only an
# administrator may create organisations. Without TOKEN the script first asks the token endpoint for one
# with ADMIN_USERNAME / ADMIN_PASSWORD (default admin / admin, the administrator of the development start).
# A token is valid for an hour, far longer than the load takes.
#
# Needs only bash, curl and coreutils (no jq, no python). A centre that exists already (same name, same
# municipality) is used as it is, never created twice. Each session carries a client-made id, as an offline
# app would send, made from the centre's name, the day and the session's place in it, and its content is
# drawn from bash's $RANDOM seeded by the same: so running the script again, today or on a later day, stores
# no session twice (the same ones answer 200, stored already) and adds only the days that are new.
# The development start loads its own demo data about the same centres into an empty database
# (LOGBOOK_DEMO_DATA, true by default there); this month comes on top of it. To see only this month, start
# on an empty database with LOGBOOK_DEMO_DATA=false.
set -euo pipefail

BASE_URL="${BASE_URL:-http://localhost:8080}"
BASE_URL="${BASE_URL%/}"
API="$BASE_URL/api/v1"
DAYS=30
ADMIN_USERNAME="${ADMIN_USERNAME:-admin}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin}"

CURL=(curl -s --max-time 10 -H 'Accept: application/json')

RESPONSE="$(mktemp)"
trap 'rm -f "$RESPONSE"' EXIT

# ---------------------------------------------------------------------------------------------------------
# An access token: TOKEN as given, or one from the token endpoint (OAuth 2.0 password grant, form-encoded).

if [[ -z "${TOKEN:-}" ]]; then
    code="$("${CURL[@]}" -o "$RESPONSE" -w '%{http_code}' --data-urlencode grant_type=password \
        --data-urlencode "username=$ADMIN_USERNAME" --data-urlencode "password=$ADMIN_PASSWORD" "$API/auth/token")" || code="000"
    if [[ "$code" == 000 ]]; then
        echo "load.sh: the logbook service does not answer at $BASE_URL (start it with ./mvnw quarkus:dev, or set BASE_URL)." >&2
        exit 1
    fi
    TOKEN="$(grep -o '"access_token" *: *"[^"]*"' "$RESPONSE" | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/' || true)"
    if [[ "$code" != 200 || -z "$TOKEN" ]]; then
        {
            echo "load.sh: no access token for \"$ADMIN_USERNAME\" from $API/auth/token (HTTP $code); it answered:"
            head -c 1000 "$RESPONSE"
            echo
            echo "Set ADMIN_USERNAME and ADMIN_PASSWORD to an administrator's, or TOKEN to an administrator's access token."
        } >&2
        exit 1
    fi
    echo "Signed in as $ADMIN_USERNAME"
fi
CURL+=(-H "Authorization: Bearer $TOKEN")

# ---------------------------------------------------------------------------------------------------------
# HTTP

HTTP_CODE=""
BODY=""
FAILED=0
FIRST_FAILURE=""

# request METHOD PATH [JSON]: sets HTTP_CODE ("000" when nothing answered) and BODY.
request() {
    local method="$1" path="$2" json="${3:-}"
    local args=("${CURL[@]}" -X "$method" -o "$RESPONSE" -w '%{http_code}')
    if [[ -n "$json" ]]; then
        args+=(-H 'Content-Type: application/json' --data-binary "$json")
    fi
    HTTP_CODE="$("${args[@]}" "$API$path")" || HTTP_CODE="000"
    BODY="$(cat "$RESPONSE" 2>/dev/null || true)"
}

# failed WHAT: counts a failed request and keeps the first one for the summary.
failed() {
    FAILED=$((FAILED + 1))
    if [[ -z "$FIRST_FAILURE" ]]; then
        FIRST_FAILURE="$1 -> HTTP $HTTP_CODE"$'\n'"${BODY:-(no body)}"
    fi
}

# The "id" of a JSON object as the service writes it (compact, "id" first).
json_id() {
    printf '%s' "$1" | grep -o '"id" *: *"[0-9a-fA-F-]\{36\}"' | head -n 1 | sed 's/.*"\([0-9a-fA-F-]\{36\}\)"$/\1/' || true
}

# A UUID made from a text (the MD5 of it, shaped as a version 4 UUID): the same text, the same id.
uuid_of() {
    local h
    h="$(printf '%s' "$1" | md5sum | cut -c1-32)"
    printf '%s-%s-4%s-a%s-%s' "${h:0:8}" "${h:8:4}" "${h:13:3}" "${h:17:3}" "${h:20:12}"
}

# Seeds $RANDOM from a text, so that what is drawn after it depends on that text only.
seed() {
    RANDOM=$(( 16#$(printf '%s' "$1" | md5sum | cut -c1-4) ))
}

# The id of the organisation of this name in this municipality, or nothing.
existing_organisation() {
    request GET "/organisations?municipalityCode=$2&size=500"
    [[ "$HTTP_CODE" == 200 ]] || return 0
    printf '%s' "$BODY" | grep -o "\"id\":\"[0-9a-fA-F-]\{36\}\",\"name\":$(q "$1")" | head -n 1 \
        | sed 's/^"id":"\([0-9a-fA-F-]\{36\}\)".*/\1/' || true
}

# JSON string: escapes backslash and double quote (the texts below hold no control characters).
q() {
    local s="${1//\\/\\\\}"
    printf '"%s"' "${s//\"/\\\"}"
}

# ---------------------------------------------------------------------------------------------------------
# Is the service there?

request GET /countries
case "$HTTP_CODE" in
    200) ;;
    000)
        echo "load.sh: the logbook service does not answer at $BASE_URL (start it with ./mvnw quarkus:dev, or set BASE_URL)." >&2
        exit 1 ;;
    401|403)
        echo "load.sh: $API/countries answered $HTTP_CODE: the access token is not accepted (is TOKEN a valid, unexpired one?)." >&2
        printf '%s\n' "$BODY" | head -c 1000 >&2
        exit 1 ;;
    *)
        echo "load.sh: $API/countries answered HTTP $HTTP_CODE; is $BASE_URL the logbook service?" >&2
        printf '%s\n' "$BODY" | head -c 1000 >&2
        exit 1 ;;
esac
echo "Loading sample data into $API"

# ---------------------------------------------------------------------------------------------------------
# The youth centres: real youth centres named in the networks' public pages
# (/work/shared/data/youth-centres-sample.csv: name, country, municipality code).

CENTRES='Mladinski center in hotel Ajdovščina,SI,SI-001
Mladinski center Brežice,SI,SI-009
Mladinski center Litija,SI,SI-060
Zavod Lokalpatriot Novo mesto,SI,SI-085
Center interesnih dejavnosti Ptuj,SI,SI-096
Mladinski center Podlaga Sežana,SI,SI-111
Mladinski center Dravinjske doline Slovenske Konjice,SI,SI-114
Mladinski center Trbovlje,SI,SI-129
Mladinski center Velenje,SI,SI-133
Mladinski center Zagorje ob Savi,SI,SI-142
Младежки център Враца,BG,BG-VRC10
Младежки център Добрич,BG,BG-DOB28
Младежки център Перник,BG,BG-PER32'

ORG_IDS=()
ORG_NAMES=()
ORGS_CREATED=0
while IFS=, read -r name country municipality; do
    [[ -z "$name" ]] && continue
    id="$(existing_organisation "$name" "$municipality")"
    if [[ -n "$id" ]]; then
        ORG_IDS+=("$id")
        ORG_NAMES+=("$name")
        printf '  organisation %s  %-8s %s (there already)\n' "$id" "$municipality" "$name"
        continue
    fi
    json="{\"name\":$(q "$name"),\"type\":\"YOUTH_CENTRE\",\"municipalityCode\":$(q "$municipality"),\"member\":true}"
    request POST /organisations "$json"
    id="$(json_id "$BODY")"
    if [[ "$HTTP_CODE" == 201 && -n "$id" ]]; then
        ORG_IDS+=("$id")
        ORG_NAMES+=("$name")
        ORGS_CREATED=$((ORGS_CREATED + 1))
        printf '  organisation %s  %-8s %s\n' "$id" "$municipality" "$name"
    else
        failed "POST /organisations ($name)"
        printf '  organisation FAILED (HTTP %s) %s\n' "$HTTP_CODE" "$name" >&2
    fi
done <<< "$CENTRES"

if [[ ${#ORG_IDS[@]} -eq 0 ]]; then
    echo "load.sh: no organisation could be created; first failure:" >&2
    printf '%s\n' "$FIRST_FAILURE" >&2
    exit 1
fi

# ---------------------------------------------------------------------------------------------------------
# Random draws. They set globals instead of printing, since a $(...) subshell would not advance (and may
# reseed) $RANDOM, which would make the data set differ from run to run.

R=0
# rnd LOW HIGH: R = a whole number from LOW to HIGH.
rnd() { R=$(( $1 + RANDOM % ($2 - $1 + 1) )); }
# chance PERCENT: succeeds that often.
chance() { (( RANDOM % 100 < $1 )); }
PICKED=""
# pick "A:weight B:weight ...": PICKED = one of them, by weight.
pick() {
    local item total=0 n
    for item in $1; do total=$((total + ${item##*:})); done
    n=$((RANDOM % total))
    for item in $1; do
        n=$((n - ${item##*:}))
        if (( n < 0 )); then PICKED="${item%:*}"; return; fi
    done
}
# pick_line "line1|line2|...": PICKED = one of the lines, evenly.
pick_line() {
    local IFS='|'
    local -a lines
    read -r -a lines <<< "$1"
    PICKED="${lines[RANDOM % ${#lines[@]}]}"
}

# ---------------------------------------------------------------------------------------------------------
# What a session of each method looks like.

METHOD_WEIGHTS="OPEN:34 GROUP_PROGRAMME:15 INFORMAL_GROUP:12 STREET:12 DIGITAL:10 EVENT:9 COUNSELLING:8"
AGE_WEIGHTS="UNDER_15:8 15-19:46 20-24:29 25-29:13 OVER_29:4"
GENDER_WEIGHTS="FEMALE:47 MALE:48 OTHER:5"
ALL_THEMES="AUTONOMY NON_FORMAL_LEARNING EMPLOYMENT FEWER_OPPORTUNITIES VOLUNTEERING MOBILITY HEALTH CULTURE PARTICIPATION"

declare -A TITLES=(
    [OPEN]="Open afternoon at the centre|Drop-in: board games and table tennis|Open evening with music and snacks|Drop-in hangout and homework corner|Open youth club|Open afternoon: pool tournament"
    [STREET]="Street outreach at the bus station|Street work at the skate park|Evening outreach in the town park|Street work by the school campus|Outreach at the shopping centre square"
    [INFORMAL_GROUP]="Band rehearsal of a youth group|Graffiti crew planning a mural|Skaters' group meeting|Gaming group session|Young photographers' walk|Dance crew practice"
    [GROUP_PROGRAMME]="Debate club|Creative writing workshop|Cooking workshop on a student budget|Photography course, part 3|Climbing club|Youth council meeting|Media workshop: making a podcast"
    [EVENT]="Youth concert in the centre's hall|Open-air film night|Local youth day festival|Volunteering fair|Sports tournament for local schools|Exhibition opening of young artists"
    [DIGITAL]="Discord evening: games and talk|Online workshop on staying safe online|Video editing workshop|Streaming night with the gaming group|Online Q&A about studying abroad"
    [COUNSELLING]="Youth information desk|Job-seeking counselling: CVs and interviews|Counselling on scholarships and study choices|Information on youth exchanges abroad|Drop-in counselling hour"
)
declare -A THEMES_OF=(
    [OPEN]="AUTONOMY:4 CULTURE:3 HEALTH:2 PARTICIPATION:2 FEWER_OPPORTUNITIES:2 NON_FORMAL_LEARNING:2"
    [STREET]="FEWER_OPPORTUNITIES:5 HEALTH:4 AUTONOMY:2 EMPLOYMENT:1"
    [INFORMAL_GROUP]="CULTURE:5 AUTONOMY:3 PARTICIPATION:2 NON_FORMAL_LEARNING:2"
    [GROUP_PROGRAMME]="NON_FORMAL_LEARNING:5 CULTURE:3 HEALTH:2 PARTICIPATION:2 EMPLOYMENT:1"
    [EVENT]="CULTURE:5 VOLUNTEERING:3 PARTICIPATION:2 HEALTH:2 MOBILITY:1"
    [DIGITAL]="NON_FORMAL_LEARNING:4 AUTONOMY:2 CULTURE:2 HEALTH:1 MOBILITY:1"
    [COUNSELLING]="EMPLOYMENT:5 MOBILITY:3 AUTONOMY:3 NON_FORMAL_LEARNING:2 FEWER_OPPORTUNITIES:2"
)
declare -A SETTINGS_OF=(
    [OPEN]="YOUTH_CENTRE:1"
    [STREET]="PUBLIC_SPACE:1"
    [INFORMAL_GROUP]="YOUTH_CENTRE:6 PUBLIC_SPACE:3 OTHER:1"
    [GROUP_PROGRAMME]="YOUTH_CENTRE:7 SCHOOL:2 OTHER:1"
    [EVENT]="YOUTH_CENTRE:4 PUBLIC_SPACE:3 SCHOOL:1 OTHER:2"
    [DIGITAL]="ONLINE:17 YOUTH_CENTRE:3"
    [COUNSELLING]="YOUTH_CENTRE:7 SCHOOL:2 ONLINE:1"
)
# A second method that goes with the first, now and then.
declare -A SECOND_METHOD=(
    [OPEN]="COUNSELLING:2 INFORMAL_GROUP:2 DIGITAL:1"
    [STREET]="INFORMAL_GROUP:3 COUNSELLING:1"
    [INFORMAL_GROUP]="OPEN:2 DIGITAL:1"
    [GROUP_PROGRAMME]="DIGITAL:1 INFORMAL_GROUP:1"
    [EVENT]="OPEN:1 INFORMAL_GROUP:1"
    [DIGITAL]="INFORMAL_GROUP:2 COUNSELLING:1"
    [COUNSELLING]="OPEN:2 DIGITAL:1"
)
# min max participants; start hours (weekday); duration in quarter hours (min max).
declare -A HEADS=([OPEN]="5 22" [STREET]="4 18" [INFORMAL_GROUP]="3 12" [GROUP_PROGRAMME]="5 14" [EVENT]="25 120" [DIGITAL]="4 20" [COUNSELLING]="1 5")
declare -A HOURS=([OPEN]="14 15 16 17 18" [STREET]="16 17 18 19 20" [INFORMAL_GROUP]="16 17 18 19" [GROUP_PROGRAMME]="15 16 17 18" [EVENT]="17 18 19" [DIGITAL]="18 19 20" [COUNSELLING]="10 12 13 14 15")
declare -A QUARTERS=([OPEN]="8 16" [STREET]="6 12" [INFORMAL_GROUP]="4 10" [GROUP_PROGRAMME]="4 8" [EVENT]="8 20" [DIGITAL]="4 8" [COUNSELLING]="2 6")
declare -A YOUTH_LED_PERCENT=([OPEN]=5 [STREET]=0 [INFORMAL_GROUP]=45 [GROUP_PROGRAMME]=15 [EVENT]=30 [DIGITAL]=30 [COUNSELLING]=0)
declare -A ESTIMATED_PERCENT=([OPEN]=10 [STREET]=75 [INFORMAL_GROUP]=10 [GROUP_PROGRAMME]=0 [EVENT]=50 [DIGITAL]=60 [COUNSELLING]=0)
NOTES="A few new faces from the secondary school.|Quiet start, busier after six.|Two young people asked about summer jobs.|Talked about exam stress; shared the counselling hours.|The group wants to organise a concert in spring.|Rain moved us indoors after an hour.|Referred one young person to the employment office.|Volunteers from the youth council helped out."

# Builds one random session in JSON for an organisation and a day.
SESSION_JSON=""
make_session() {
    local session_id="$1" org="$2" day="$3" dow="$4" forced_hour="${5:-}"
    local method second themes theme setting title hour minute duration lo hi total i
    local -A cells=()

    pick "$METHOD_WEIGHTS"; method="$PICKED"
    if (( dow >= 6 )) && chance 50; then method=EVENT; fi

    local methods_json
    methods_json="[\"$method\""
    if chance 22; then
        pick "${SECOND_METHOD[$method]}"; second="$PICKED"
        methods_json+=",\"$second\""
    fi
    methods_json+="]"

    # One to three distinct themes, the first from what the method is usually about.
    pick "${THEMES_OF[$method]}"; themes=" $PICKED "
    local want=1
    if chance 50; then want=2; fi
    if chance 15; then want=3; fi
    while (( $(wc -w <<< "$themes") < want )); do
        pick_line "${ALL_THEMES// /|}"; theme="$PICKED"
        [[ "$themes" == *" $theme "* ]] || themes+="$theme "
    done
    local themes_json="" t
    for t in $themes; do themes_json+="${themes_json:+,}\"$t\""; done

    pick "${SETTINGS_OF[$method]}"; setting="$PICKED"
    pick_line "${TITLES[$method]}"; title="$PICKED"

    # When: weekday afternoons and evenings; weekend events from late morning.
    if [[ -n "$forced_hour" ]]; then
        hour="$forced_hour"
    elif (( dow >= 6 )); then
        rnd 10 19; hour="$R"
    else
        pick_line "${HOURS[$method]// /|}"; hour="$PICKED"
    fi
    pick "00:6 15:1 30:3 45:1"; minute="$PICKED"
    read -r lo hi <<< "${QUARTERS[$method]}"
    rnd "$lo" "$hi"; duration=$((R * 15))
    # Ends the same day.
    local latest=$(( (24 - hour) * 60 - 10#$minute ))
    (( duration > latest )) && duration=$(( latest / 15 * 15 ))

    # Head counts: each contact gets an age band and a gender.
    read -r lo hi <<< "${HEADS[$method]}"
    rnd "$lo" "$hi"; total="$R"
    for (( i = 0; i < total; i++ )); do
        pick "$AGE_WEIGHTS"; local band="$PICKED"
        pick "$GENDER_WEIGHTS"
        cells["$band/$PICKED"]=$(( ${cells["$band/$PICKED"]:-0} + 1 ))
    done
    local participants_json="" band gender
    for band in UNDER_15 15-19 20-24 25-29 OVER_29; do
        for gender in FEMALE MALE OTHER; do
            if [[ -n "${cells[$band/$gender]:-}" ]]; then
                participants_json+="${participants_json:+,}{\"ageBand\":\"$band\",\"gender\":\"$gender\",\"count\":${cells[$band/$gender]}}"
            fi
        done
    done

    # Sub-counts are shares of the total, so never more than it.
    local first unorganised fewer
    rnd 0 25; first=$(( total * R / 100 ))
    rnd 55 95; unorganised=$(( total * R / 100 ))
    if [[ "$method" == STREET ]]; then rnd 20 60; else rnd 0 25; fi
    fewer=$(( total * R / 100 ))

    local workers volunteers=0 youth_led=false leaders=0 estimated=false
    if (( total > 15 )); then rnd 2 3; else rnd 1 2; fi
    workers="$R"
    if [[ "$method" == EVENT ]]; then rnd 0 6; volunteers="$R"; elif chance 15; then volunteers=1; fi
    if chance "${YOUTH_LED_PERCENT[$method]}"; then youth_led=true; rnd 1 4; leaders="$R"; fi
    if chance "${ESTIMATED_PERCENT[$method]}"; then estimated=true; fi

    SESSION_JSON="{\"id\":\"$session_id\",\"organisationId\":\"$org\",\"date\":\"$day\""
    SESSION_JSON+=",\"startTime\":\"$(printf '%02d' "$hour"):$minute\",\"durationMinutes\":$duration,\"title\":$(q "$title")"
    SESSION_JSON+=",\"methods\":$methods_json,\"themes\":[$themes_json],\"setting\":\"$setting\""
    SESSION_JSON+=",\"participants\":[$participants_json],\"participantsEstimated\":$estimated"
    SESSION_JSON+=",\"firstTimeParticipants\":$first,\"unorganisedYouth\":$unorganised,\"fewerOpportunities\":$fewer"
    SESSION_JSON+=",\"youthWorkers\":$workers,\"volunteers\":$volunteers,\"youthLed\":$youth_led,\"youngLeaders\":$leaders"
    if chance 30; then
        pick_line "$NOTES"
        SESSION_JSON+=",\"notes\":$(q "$PICKED")"
    fi
    SESSION_JSON+="}"
}

# ---------------------------------------------------------------------------------------------------------
# The month: for each of the 30 days that end yesterday, each centre opens on most weekdays, less at weekends.

DATES=()
DOWS=()
for (( back = DAYS; back >= 1; back-- )); do
    DATES+=("$(date -d "$back days ago" +%F)")
    DOWS+=("$(date -d "$back days ago" +%u)")
done
echo "Logging sessions from ${DATES[0]} to ${DATES[-1]}"

SESSIONS_CREATED=0
SESSIONS_RETRIED=0
declare -a PER_CENTRE
for (( c = 0; c < ${#ORG_IDS[@]}; c++ )); do
    PER_CENTRE[c]=0
    # Some centres are busier than others.
    seed "${ORG_NAMES[c]}"
    rnd 45 70; busy="$R"
    for (( d = 0; d < ${#DATES[@]}; d++ )); do
        day="${DATES[d]}"; dow="${DOWS[d]}"
        seed "${ORG_NAMES[c]}/$day"
        case "$dow" in
            6) percent=$((busy / 3)) ;;
            7) percent=5 ;;
            *) percent="$busy" ;;
        esac
        chance "$percent" || continue
        count=1
        if (( dow <= 5 )) && chance 20; then count=2; fi
        for (( s = 0; s < count; s++ )); do
            id="$(uuid_of "${ORG_NAMES[c]}/$day/$s")"
            if (( count == 2 && s == 1 )); then make_session "$id" "${ORG_IDS[c]}" "$day" "$dow" 19
            else make_session "$id" "${ORG_IDS[c]}" "$day" "$dow"; fi
            request POST /sessions "$SESSION_JSON"
            case "$HTTP_CODE" in
                201) SESSIONS_CREATED=$((SESSIONS_CREATED + 1)); PER_CENTRE[c]=$((PER_CENTRE[c] + 1)) ;;
                200) SESSIONS_RETRIED=$((SESSIONS_RETRIED + 1)) ;;
                *) failed "POST /sessions $SESSION_JSON" ;;
            esac
        done
    done
    printf '  %3d sessions  %s\n' "${PER_CENTRE[c]}" "${ORG_NAMES[c]}"
done

# ---------------------------------------------------------------------------------------------------------

echo
echo "Summary ($API, ${SECONDS}s)"
echo "  organisations:         ${#ORG_IDS[@]} of 13 ($ORGS_CREATED created, $(( ${#ORG_IDS[@]} - ORGS_CREATED )) there already)"
echo "  sessions created:      $SESSIONS_CREATED (${DATES[0]} to ${DATES[-1]})"
if (( SESSIONS_RETRIED > 0 )); then
    echo "  sessions found stored: $SESSIONS_RETRIED"
fi
echo "  failed requests:       $FAILED"
if (( FAILED > 0 )); then
    echo
    echo "First failure:"
    printf '%s\n' "$FIRST_FAILURE"
    exit 1
fi
