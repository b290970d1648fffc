package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.jobs.JobActionsRenderer;
import dev.drpconsole.sandbox.jobs.JobLogs;
import dev.drpconsole.sandbox.jobs.NextJob;
import dev.drpconsole.sandbox.jobs.NextJobPlanner;
import dev.drpconsole.sandbox.objects.ObjectService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job routes (§4.1): {@code POST /jobs} asks for the next job; {@code GET /jobs/<uuid>/actions} renders its
 * task; {@code PUT /jobs/<uuid>/log} appends (octet-stream only, 204) and {@code GET} reads the log, whole or as
 * a byte range; everything else is generic.
 */
public final class JobEndpoints implements ApiSection {

    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    private final ObjectService objects;
    private final NextJobPlanner planner;
    private final JobActionsRenderer actions;
    private final JobLogs logs;
    private final ObjectEndpoints generic;

    public JobEndpoints(ObjectService objects, NextJobPlanner planner, JobActionsRenderer actions, JobLogs logs) {
        this.objects = objects;
        this.planner = planner;
        this.actions = actions;
        this.logs = logs;
        this.generic = new ObjectEndpoints(objects);
    }

    @Override
    public void handle(ApiExchange exchange) {
        if (exchange.size() == 1 && "POST".equals(exchange.method())) {
            next(exchange);
        } else if (exchange.size() == 3 && "log".equals(exchange.segment(2))) {
            log(exchange);
        } else if (exchange.size() == 3 && "actions".equals(exchange.segment(2))
                && "GET".equals(exchange.method())) {
            exchange.replyJson(200, actions.render(exchange.segment(1), exchange.query("os")));
        } else if (exchange.size() >= 3 && "plugin_actions".equals(exchange.segment(2))) {
            exchange.replyJson(200, SandboxJson.array());
        } else if (exchange.size() <= 2) {
            generic.handle(exchange);
        } else {
            throw ApiRoutes.noRoute(exchange);
        }
    }

    private void next(ApiExchange exchange) {
        NextJob next = planner.next(exchange.jsonBody("jobs", ""), exchange.principal());
        if (next.job() == null) {
            exchange.replyEmpty(next.status());
        } else {
            exchange.replyJson(next.status(), next.job());
        }
    }

    private void log(ApiExchange exchange) {
        ObjectNode job = objects.get(exchange.method(), "jobs", exchange.segment(1));
        String uuid = SandboxJson.string(job, "Uuid");
        switch (exchange.method()) {
            case "PUT" -> {
                if (!ApiExchange.OCTET_STREAM.equals(exchange.contentType())) {
                    throw new ApiException(415, "PUT", "jobs", uuid,
                            "job log put must have content-type application/octet-stream");
                }
                logs.append(uuid, exchange.bodyBytes());
                exchange.replyEmpty(204);
            }
            case "GET", "HEAD" -> read(exchange, uuid);
            default -> throw ApiRoutes.methodNotAllowed(exchange);
        }
    }

    private void read(ApiExchange exchange, String uuid) {
        long total = logs.size(uuid);
        exchange.header("Accept-Ranges", "bytes");
        String range = exchange.header("Range");
        if (range == null || range.isBlank()) {
            exchange.header("Content-Length", Long.toString(total));
            exchange.replyStream(200, ApiExchange.OCTET_STREAM, exchange.isHead() ? java.io.InputStream
                    .nullInputStream() : logs.read(uuid, 0, total));
            return;
        }
        Matcher matcher = RANGE.matcher(range.trim());
        long[] span = matcher.matches() ? span(matcher.group(1), matcher.group(2), total) : null;
        if (span == null) {
            exchange.header("Content-Range", "bytes */" + total);
            throw new ApiException(416, "GET", "jobs", uuid, "Range not satisfiable: " + range + " (log has "
                    + total + " bytes)");
        }
        long length = span[1] - span[0] + 1;
        exchange.header("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + total);
        exchange.header("Content-Length", Long.toString(length));
        exchange.replyStream(206, ApiExchange.OCTET_STREAM, exchange.isHead() ? java.io.InputStream
                .nullInputStream() : logs.read(uuid, span[0], length));
    }

    /** First and last byte of a range, or null when it cannot be served. */
    private static long[] span(String first, String last, long total) {
        if (first.isEmpty() && last.isEmpty()) {
            return null;
        }
        long start;
        long end;
        if (first.isEmpty()) {
            long suffix = Long.parseLong(last);
            start = Math.max(0, total - suffix);
            end = total - 1;
        } else {
            start = Long.parseLong(first);
            end = last.isEmpty() ? total - 1 : Math.min(Long.parseLong(last), total - 1);
        }
        return start >= total || start > end ? null : new long[] {start, end};
    }
}
