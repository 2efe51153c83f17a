package org.trackbench.server.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A request the server refuses before looking further, with the answer that says why. */
final class RefusedRequest extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Answer answer;

    RefusedRequest(Answer answer) {
        super(answer.body(), null, false, false);
        this.answer = answer;
    }

    Answer answer() {
        return answer;
    }

    /** The body as JSON, or a 400 that names the parser's first complaint. */
    static JsonNode json(ObjectMapper json, byte[] body) throws RefusedRequest {
        try {
            JsonNode parsed = json.readTree(body);
            if (parsed == null || parsed.isMissingNode()) {
                throw new RefusedRequest(Answer.error(400, "invalid_json", "body is empty; expected JSON"));
            }
            return parsed;
        } catch (IOException e) {
            throw new RefusedRequest(Answer.error(400, "invalid_json", "body is not JSON: "
                    + e.getMessage().lines().findFirst().orElse("")));
        }
    }
}
