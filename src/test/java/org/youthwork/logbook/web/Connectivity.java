package org.youthwork.logbook.web;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;

import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cuts the whole browser off the network and connects it again. DevTools emulates a connection per target: the page's
 * conditions do not reach its service worker, whose fetches would still get through. So this attaches to every page
 * and worker, as they start (held until their conditions are set), and sets the same conditions on each.
 */
final class Connectivity implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Connection cdp;
    /** The attached pages and workers: session id → target type. */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    /** The same, by target: target id → session id. */
    private final Map<String, String> attached = new ConcurrentHashMap<>();
    private volatile boolean offline;

    Connectivity(ChromeDriver browser) {
        cdp = SeleniumCdpConnection.create(browser).orElseThrow();
        cdp.addListener(new Event<Map<String, Object>>("Target.attachedToTarget", in -> in.read(Map.class)), (id, attached) -> {
            String session = (String) attached.get("sessionId");
            Map<?, ?> target = (Map<?, ?>) attached.get("targetInfo");
            String type = (String) target.get("type");
            if (type.equals("page") || type.equals("service_worker")) {
                sessions.put(session, type);
                this.attached.put((String) target.get("targetId"), session);
            }
            // Answered on this listener's thread: sent without waiting, in order.
            if (sessions.containsKey(session)) {
                cdp.send(new SessionID(session), new Command<>("Network.enable", Map.of()));
                cdp.send(new SessionID(session), conditions());
            }
            cdp.send(new SessionID(session), new Command<>("Runtime.runIfWaitingForDebugger", Map.of()));
        });
        cdp.addListener(new Event<Map<String, Object>>("Target.detachedFromTarget", in -> in.read(Map.class)),
                (id, detached) -> {
                    String session = (String) detached.get("sessionId");
                    sessions.remove(session);
                    attached.values().remove(session);
                });
        cdp.sendAndWait(null, new Command<>("Target.setAutoAttach",
                Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true)), TIMEOUT);
    }

    /**
     * Cuts the connection or brings it back. The workers come back before the pages: a page's online event may send
     * at once, and its requests pass through the worker.
     */
    @SuppressWarnings("unchecked")
    void offline(boolean offline) {
        this.offline = offline;
        // A worker that was already running may not be auto-attached: attach to each one by itself, and wait for it.
        Map<String, Object> targets = cdp.sendAndWait(null, new Command<>("Target.getTargets", Map.of(),
                in -> in.read(Map.class)), TIMEOUT);
        // A worker reported attached may be so through auto-attach whose event is still on its way: wait for it too,
        // so that its conditions are set below and not only, later, by the listener.
        for (Map<String, Object> target : (List<Map<String, Object>>) targets.get("targetInfos")) {
            String id = (String) target.get("targetId");
            if (!"service_worker".equals(target.get("type")) || attached.containsKey(id)) {
                continue;
            }
            if (Boolean.TRUE.equals(target.get("attached")) && awaitAttached(id, Duration.ofSeconds(1))) {
                continue;
            }
            cdp.sendAndWait(null, new Command<>("Target.attachToTarget", Map.of("targetId", id, "flatten", true)), TIMEOUT);
            awaitAttached(id, TIMEOUT);
        }
        for (String type : List.of("service_worker", "page")) {
            for (Map.Entry<String, String> session : sessions.entrySet()) {
                if (session.getValue().equals(type)) {
                    cdp.sendAndWait(new SessionID(session.getKey()), conditions(), TIMEOUT);
                }
            }
        }
    }

    private boolean awaitAttached(String targetId, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (!attached.containsKey(targetId) && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return attached.containsKey(targetId);
    }

    private Command<Object> conditions() {
        return new Command<>("Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Override
    public void close() {
        try {
            cdp.close();
        } catch (RuntimeException alreadyGone) {
            // The browser quit first: its DevTools connection went with it.
        }
    }
}
