package org.youthwork.logbook.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.youthwork.logbook.overview.Overview.OrganisationRow;
import org.youthwork.logbook.overview.Suppression.Cell;
import org.youthwork.logbook.system.Page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * The counts of young people of one overview, each decided published or withheld by {@link Suppression}, and the
 * overview's JSON with those decisions written in. byOrganisation is decided over all the area's organisations, so
 * that the overview (the first 50) and the paged list withhold the same rows.
 */
final class PublishedFigures {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int threshold;
    private final Cell participants;
    private final Cell firstTime;
    private final Cell unorganised;
    private final Cell fewer;
    private final List<Cell> ageBands;
    private final List<Cell> genders;
    /** By age band, then gender: each row adds up to its band's cell, each column to its gender's. */
    private final List<List<Cell>> ageBandsByGender = new ArrayList<>();
    private final List<Cell> methods;
    private final List<Cell> themes;
    private final List<Cell> settings;
    private final List<Cell> months;
    private final Map<UUID, Cell> organisations = new HashMap<>();
    private final List<Cell> municipalities;
    private final List<Cell> regions;

    /**
     * The mapper to write trees with: the service's, but keeping the scale of decimals ("hours": 2.00, as the exact
     * view writes it; a tree would strip it to 2 by default).
     */
    static ObjectMapper treeMapper(ObjectMapper mapper) {
        return mapper.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /** allOrganisations: every row of the area's byOrganisation, not only the overview's first 50; null for none. */
    PublishedFigures(int threshold, Overview overview, List<OrganisationRow> allOrganisations) {
        this.threshold = threshold;
        Overview.Totals totals = overview.totals();
        Suppression suppression = new Suppression(threshold, totals.participants());
        participants = suppression.total();
        firstTime = suppression.cell(totals.firstTimeParticipants());
        unorganised = suppression.cell(totals.unorganisedYouth());
        fewer = suppression.cell(totals.fewerOpportunities());
        ageBands = suppression.group(new ArrayList<>(overview.byAgeBand().values()));
        genders = suppression.group(new ArrayList<>(overview.byGender().values()));
        if (overview.byAgeBandAndGender() != null) {
            int band = 0;
            for (Map<String, Long> row : overview.byAgeBandAndGender().values()) {
                List<Cell> cells = row.values().stream().map(suppression::cell).toList();
                ageBandsByGender.add(cells);
                suppression.sumsTo(cells, ageBands.get(band++));
            }
            for (int gender = 0; gender < genders.size(); gender++) {
                int g = gender;
                suppression.sumsTo(ageBandsByGender.stream().map(row -> row.get(g)).toList(), genders.get(g));
            }
        }
        methods = group(suppression, overview.byMethod(), Overview.MethodRow::participants);
        themes = group(suppression, overview.byTheme(), Overview.ThemeRow::participants);
        settings = group(suppression, overview.bySetting(), Overview.SettingRow::participants);
        months = group(suppression, overview.byMonth(), Overview.MonthRow::participants);
        if (allOrganisations != null) {
            List<Cell> cells = group(suppression, allOrganisations, OrganisationRow::participants);
            for (int i = 0; i < cells.size(); i++) {
                organisations.put(allOrganisations.get(i).organisationId(), cells.get(i));
            }
        }
        municipalities = group(suppression, overview.byMunicipality(), Overview.AreaRow::participants);
        regions = group(suppression, overview.byRegion(), Overview.AreaRow::participants);
        suppression.settle();
    }

    private static <T> List<Cell> group(Suppression suppression, List<T> rows, ToLongFunction<T> participants) {
        return rows == null ? List.of() : suppression.group(rows.stream().map(participants::applyAsLong).toList());
    }

    /** The overview's JSON with every count of young people as published, and {"publication": {"threshold": …}}. */
    ObjectNode overview(ObjectMapper mapper, Overview overview) {
        ObjectNode tree = mapper.valueToTree(overview);
        ObjectNode totals = (ObjectNode) tree.get("totals");
        totals.set("participants", shown(participants));
        totals.set("firstTimeParticipants", shown(firstTime));
        totals.set("unorganisedYouth", shown(unorganised));
        totals.set("fewerOpportunities", shown(fewer));
        values(tree.get("byAgeBand"), ageBands);
        values(tree.get("byGender"), genders);
        if (tree.get("byAgeBandAndGender") instanceof ObjectNode table) {
            int band = 0;
            for (JsonNode row : table) {
                values(row, ageBandsByGender.get(band++));
            }
        }
        rows(tree.get("byMethod"), methods);
        rows(tree.get("byTheme"), themes);
        rows(tree.get("bySetting"), settings);
        rows(tree.get("byMonth"), months);
        organisationRows(tree.get("byOrganisation"));
        rows(tree.get("byMunicipality"), municipalities);
        rows(tree.get("byRegion"), regions);
        return withNote(tree);
    }

    /** A page of the area's organisations, as the overview publishes them. */
    ObjectNode page(ObjectMapper mapper, Page<OrganisationRow> page) {
        ObjectNode tree = mapper.valueToTree(page);
        organisationRows(tree.get("items"));
        return withNote(tree);
    }

    private ObjectNode withNote(ObjectNode tree) {
        tree.putObject("publication").put("threshold", threshold);
        return tree;
    }

    private void organisationRows(JsonNode rows) {
        if (rows instanceof ArrayNode array) {
            for (JsonNode row : array) {
                Cell cell = organisations.get(UUID.fromString(row.get("organisationId").asText()));
                // A row the decisions do not know (a session logged between the two reads): hidden, to be safe.
                ((ObjectNode) row).set("participants", cell == null ? NODES.textNode("x") : shown(cell));
            }
        }
    }

    private void rows(JsonNode rows, List<Cell> cells) {
        if (rows instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                ((ObjectNode) array.get(i)).set("participants", shown(cells.get(i)));
            }
        }
    }

    private void values(JsonNode map, List<Cell> cells) {
        if (map instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            List<String> keys = new ArrayList<>();
            names.forEachRemaining(keys::add);
            for (int i = 0; i < keys.size(); i++) {
                object.set(keys.get(i), shown(cells.get(i)));
            }
        }
    }

    private JsonNode shown(Cell cell) {
        return switch (cell.shown) {
            case EXACT -> NODES.numberNode(cell.value);
            case SMALL -> NODES.textNode("<" + threshold);
            case HIDDEN -> NODES.textNode("x");
        };
    }
}
