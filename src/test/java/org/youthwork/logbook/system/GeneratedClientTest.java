package org.youthwork.logbook.system;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.client.ApiClient;
import org.youthwork.logbook.client.ApiException;
import org.youthwork.logbook.client.api.AccountsApi;
import org.youthwork.logbook.client.api.OrganisationsApi;
import org.youthwork.logbook.client.api.OverviewsApi;
import org.youthwork.logbook.client.api.SessionsApi;
import org.youthwork.logbook.client.model.AgeBand;
import org.youthwork.logbook.client.model.Gender;
import org.youthwork.logbook.client.model.Method;
import org.youthwork.logbook.client.model.MunicipalityCode;
import org.youthwork.logbook.client.model.Organisation;
import org.youthwork.logbook.client.model.OrganisationRequest;
import org.youthwork.logbook.client.model.OrganisationRow;
import org.youthwork.logbook.client.model.OrganisationType;
import org.youthwork.logbook.client.model.Overview;
import org.youthwork.logbook.client.model.ParticipantCount;
import org.youthwork.logbook.client.model.Session;
import org.youthwork.logbook.client.model.SessionRequest;
import org.youthwork.logbook.client.model.Setting;
import org.youthwork.logbook.client.model.Theme;
import org.youthwork.logbook.client.model.Token;
import org.youthwork.logbook.client.model.Totals;

import java.net.URL;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client generated from the committed contract (openapi/openapi.yaml, by OpenAPI Generator in the test build) does
 * what a youth centre's app does: signs in, logs a session, reads it back and reads the municipality's overview.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final MunicipalityCode MUNICIPALITY = MunicipalityCode.SI_133;

    @TestHTTPResource("/")
    URL service;

    @Test
    void shouldSignInLogASessionAndReadTheOverviewThroughTheGeneratedClient() throws ApiException {
        Token token = new AccountsApi(client(null)).getToken("password", Api.ADMIN, Api.ADMIN_PASSWORD, null, null);
        assertEquals("Bearer", token.getTokenType());
        ApiClient admin = client(token.getAccessToken());

        Organisation centre = new OrganisationsApi(admin).createOrganisation(new OrganisationRequest()
                .name("Mladinski center Velenje").type(OrganisationType.YOUTH_CENTRE).municipalityCode(MUNICIPALITY).member(true));
        LocalDate day = LocalDate.now().minusDays(3);
        OverviewsApi overviews = new OverviewsApi(admin);
        Totals before = overviews.getMunicipalityOverview(MUNICIPALITY, null, day, null, day, null, null, null).getTotals();

        SessionsApi sessions = new SessionsApi(admin);
        Session logged = sessions.createSession(new SessionRequest()
                .organisationId(centre.getId()).date(day).startTime("17:00").durationMinutes(120)
                .title("Street outreach at the bus station")
                .methods(new LinkedHashSet<>(List.of(Method.STREET, Method.INFORMAL_GROUP))).themes(Set.of(Theme.EMPLOYMENT))
                .setting(Setting.PUBLIC_SPACE)
                .participants(List.of(participants(AgeBand._15_19, Gender.FEMALE, 4),
                        participants(AgeBand._15_19, Gender.MALE, 6), participants(AgeBand._20_24, Gender.OTHER, 1)))
                .firstTimeParticipants(3).youthWorkers(2));
        assertEquals(11, logged.getParticipantsTotal());
        assertEquals(MUNICIPALITY.getValue(), logged.getMunicipalityCode());

        Session read = sessions.getSession(logged.getId());
        assertEquals(logged, read);
        assertEquals("17:00", read.getStartTime());

        // Other tests may log in the same municipality: the centre's own row is exact, the totals grow by the session.
        Overview overview = overviews.getMunicipalityOverview(MUNICIPALITY, null, day, null, day, null, null, null);
        OrganisationRow row = overview.getByOrganisation().stream()
                .filter(r -> r.getOrganisationId().equals(centre.getId())).findFirst().orElseThrow();
        assertEquals(1, row.getSessions());
        assertEquals(11, row.getParticipants());
        assertEquals(120, row.getMinutes());
        Totals after = overview.getTotals();
        assertEquals(before.getSessions() + 1, after.getSessions());
        assertEquals(before.getParticipants() + 11, after.getParticipants());
        assertEquals(before.getFirstTimeParticipants() + 3, after.getFirstTimeParticipants());
        assertEquals(before.getYouthWorkerMinutes() + 240, after.getYouthWorkerMinutes());
    }

    private ApiClient client(String accessToken) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        if (accessToken != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        }
        return client;
    }

    private static ParticipantCount participants(AgeBand ageBand, Gender gender, int count) {
        return new ParticipantCount().ageBand(ageBand).gender(gender).count(count);
    }
}
