package dev.drpconsole.sandbox.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer to {@code POST /jobs}: 201 with a new job, 202 with the machine's incomplete job to run again, or
 * 204 with nothing to do.
 */
public record NextJob(int status, ObjectNode job) {

    static NextJob created(ObjectNode job) {
        return new NextJob(201, job);
    }

    static NextJob rerun(ObjectNode job) {
        return new NextJob(202, job);
    }

    static NextJob nothing() {
        return new NextJob(204, null);
    }
}
