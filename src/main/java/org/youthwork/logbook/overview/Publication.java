package org.youthwork.logbook.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.youthwork.logbook.overview.Overview.OrganisationRow;
import org.youthwork.logbook.system.LogbookConfig;
import org.youthwork.logbook.system.Page;

import java.util.List;

/**
 * The publication view of overviews: every count of young people from 1 to threshold − 1 shows as "<threshold", and
 * what would let one be worked out from the totals and the other cells as "x" (docs/publication.md). Sessions, hours
 * and minutes, and indicator 2.2.3's counts of organisations, are published as they are.
 */
@ApplicationScoped
public class Publication {

    private final OverviewService overviews;
    private final ObjectMapper mapper;
    private final int threshold;

    Publication(OverviewService overviews, ObjectMapper mapper, LogbookConfig config) {
        this.overviews = overviews;
        this.mapper = PublishedFigures.treeMapper(mapper);
        this.threshold = config.publication().threshold();
    }

    public int threshold() {
        return threshold;
    }

    /** The overview as published, with {"publication": {"threshold": …}}. */
    public ObjectNode publish(Overview overview) {
        return figures(overview).overview(mapper, overview);
    }

    /** A page of a region's or country's organisations (from the same area and period), as its overview publishes them. */
    public ObjectNode publish(Overview overview, Page<OrganisationRow> page) {
        return figures(overview).page(mapper, page);
    }

    /** The decisions for an overview; regions and countries list only the first organisations, but all of them count. */
    private PublishedFigures figures(Overview overview) {
        List<OrganisationRow> organisations = overview.byOrganisation();
        if (organisations != null && overview.organisationsTotal() != null && overview.organisationsTotal() > organisations.size()) {
            organisations = overviews.allOrganisations(overview.area().level(), overview.area().code(),
                    new Period(overview.from(), overview.to()));
        }
        return new PublishedFigures(threshold, overview, organisations);
    }
}
