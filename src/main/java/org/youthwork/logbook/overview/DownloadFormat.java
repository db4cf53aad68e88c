package org.youthwork.logbook.overview;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The format parameter of a download link (format=csv or xlsx) stands for the Accept header, which a link cannot
 * set: it is turned into one before the resource method is chosen, so that a browser's "Accept: text/html, *&#47;*"
 * still gets the spreadsheet.
 */
class DownloadFormat {

    private static final Pattern DOWNLOADS = Pattern.compile(
            "/?api/v1/(overviews/(municipalities|regions|countries|organisations)/[^/]+|reports/annual-analysis)/?");

    @ServerRequestFilter(preMatching = true)
    void accept(ContainerRequestContext request) {
        List<String> format = request.getUriInfo().getQueryParameters().get("format");
        if (format == null || format.isEmpty() || !DOWNLOADS.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, Downloads.Format.parse(format.get(0)).type.toString());
    }
}
