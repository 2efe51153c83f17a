package org.trackbench.server.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An HTTP answer: status and JSON body.
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
record Answer(int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Answer created(String id) {
        return new Answer(201, JSON.createObjectNode().put("id", id).toString());
    }

    static Answer error(int status, String error, String message) {
        return new Answer(status, JSON.createObjectNode().put("error", error).put("message", message).toString());
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
