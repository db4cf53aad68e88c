package org.youthwork.logbook.overview;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.youthwork.logbook.Api;
import org.youthwork.logbook.TestAreas;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The XLSX of an overview as LibreOffice reads it: LibreOffice itself (headless) opens the download and saves it as a
 * flat OpenDocument spreadsheet, whose cells say their type. Hours, counts and minutes are numbers with the JSON's
 * values; a withheld count of the published view is text. Skipped where LibreOffice is not installed (.ci/run
 * installs it).
 */
@QuarkusTest
class LibreOfficeTest {

    private static final String OFFICE = "/usr/bin/libreoffice";
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void signIn() {
        Api.asAdmin();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldOpenInLibreOfficeWithNumbersAsNumbers() throws Exception {
        assumeTrue(new File(OFFICE).canExecute(), "LibreOffice is not installed");
        TestAreas.create(db, "XL");
        String org = Api.createOrganisation("Spreadsheet centre", "XL-A1", true);
        for (int minutes : List.of(90, 45)) {
            Map<String, Object> s = Api.session(org);
            s.put("municipalityCode", "XL-A1");
            s.put("date", "2025-03-10");
            s.put("durationMinutes", minutes);
            Api.createSession(s);
        }
        String query = "/api/v1/overviews/municipalities/XL-A1?from=2025-01-01&to=2025-12-31";
        JsonPath json = given().get(query).then().statusCode(200).extract().jsonPath();
        Map<String, List<List<Cell>>> sheets = open(given().queryParam("format", "xlsx").queryParam("locale", "sl").get(query)
                .then().statusCode(200).extract().asByteArray());

        List<Cell> totals = sheets.get("Skupaj").get(1);
        assertEquals(new Cell("string", "Alpha One"), totals.get(0));
        assertEquals(new Cell("float", "2"), totals.get(1), "sessions");
        assertEquals(new Cell("float", "2.25"), totals.get(2), "hours: 135 minutes, a number");
        assertEquals(new Cell("float", "135"), totals.get(3), "minutes");
        assertEquals(new Cell("float", String.valueOf(json.getInt("totals.participants"))), totals.get(6), "participants");
        List<Cell> band = row(sheets.get("Starost po spolu"), "15–19 let");
        assertEquals(List.of(new Cell("float", "8"), new Cell("float", "12"), new Cell("float", "0"), new Cell("float", "20")),
                band.subList(1, 5), "15–19 by gender, then all: " + band);

        Map<String, List<List<Cell>>> published = open(given().queryParam("format", "xlsx").queryParam("locale", "sl")
                .queryParam("publication", true).get(query).then().statusCode(200).extract().asByteArray());
        List<Cell> twenty = row(published.get("Starost po spolu"), "20–24 let");
        assertEquals("string", twenty.get(3).type(), "a withheld count is text: " + twenty);
        assertTrue(List.of("<5", "x").contains(twenty.get(3).value()), "20–24 of another gender, 2, is withheld: " + twenty);
        assertEquals(new Cell("float", "135"), published.get("Skupaj").get(1).get(3), "minutes stay a number");
    }

    /** A cell as LibreOffice typed it: its value type and its value (numbers as office:value, text as shown). */
    record Cell(String type, String value) {
    }

    private static List<Cell> row(List<List<Cell>> sheet, String first) {
        return sheet.stream().filter(r -> !r.isEmpty() && r.get(0).value().equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in " + sheet));
    }

    /** Every sheet, by name, row by row; a row's cells up to its last that holds something. */
    private static Map<String, List<List<Cell>>> open(byte[] xlsx) throws Exception {
        Path dir = Files.createTempDirectory("libreoffice");
        Path file = dir.resolve("overview.xlsx");
        Files.write(file, xlsx);
        Process office = new ProcessBuilder(OFFICE, "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
                "--convert-to", "fods", "--outdir", dir.toString(), file.toString()).redirectErrorStream(true).start();
        String said = new String(office.getInputStream().readAllBytes());
        assertTrue(office.waitFor(120, TimeUnit.SECONDS), "LibreOffice did not finish");
        Path converted = dir.resolve("overview.fods");
        assertTrue(Files.exists(converted), "LibreOffice converted nothing: " + said);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(converted.toFile());
        Map<String, List<List<Cell>>> sheets = new LinkedHashMap<>();
        NodeList tables = document.getElementsByTagNameNS(TABLE, "table");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            List<List<Cell>> rows = new ArrayList<>();
            NodeList rowNodes = table.getElementsByTagNameNS(TABLE, "table-row");
            for (int r = 0; r < rowNodes.getLength(); r++) {
                List<Cell> cells = new ArrayList<>();
                NodeList cellNodes = ((Element) rowNodes.item(r)).getElementsByTagNameNS(TABLE, "table-cell");
                for (int c = 0; c < cellNodes.getLength(); c++) {
                    Element cell = (Element) cellNodes.item(c);
                    String type = cell.getAttributeNS(OFFICE_NS, "value-type");
                    if (type.isEmpty()) {
                        continue; // the empty cells after a row's last one
                    }
                    String value = type.equals("float") ? cell.getAttributeNS(OFFICE_NS, "value") : cell.getTextContent().trim();
                    String repeated = cell.getAttributeNS(TABLE, "number-columns-repeated");
                    for (int n = repeated.isEmpty() ? 1 : Integer.parseInt(repeated); n > 0; n--) {
                        cells.add(new Cell(type, value)); // equal neighbours are written once, repeated
                    }
                }
                rows.add(cells);
            }
            sheets.put(table.getAttributeNS(TABLE, "name"), rows);
        }
        return sheets;
    }
}
