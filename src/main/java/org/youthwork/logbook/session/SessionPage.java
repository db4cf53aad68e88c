package org.youthwork.logbook.session;

import java.util.List;

/**
 * A page of the session list: a numbered page (page, with the exact total), or the page after a cursor (no page
 * number, and no total: counting every session at each step is what paging by cursor avoids). next, while there are
 * more, asks for the page after this one either way.
 */
public record SessionPage(List<SessionResponse> items, Integer page, int size, Long total, String next) {
}
