package org.trackbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RedactionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void secretLookingFieldsAreHiddenAtAnyDepthAndTheRestIsKept() throws Exception {
        JsonNode payload = json.readTree("{\"text\":\"kept\",\"accessToken\":\"t1\",\"nested\":{\"Password\":\"p\","
                + "\"list\":[{\"api_key\":\"k\",\"n\":1}]},\"tokens\":[\"a\",\"b\"]}");

        JsonNode redacted = Redaction.redacted(payload);

        assertEquals(json.readTree("{\"text\":\"kept\",\"accessToken\":\"[redacted]\",\"nested\":{\"Password\":\"[redacted]\","
                + "\"list\":[{\"api_key\":\"[redacted]\",\"n\":1}]},\"tokens\":\"[redacted]\"}"), redacted);
        assertEquals("t1", payload.get("accessToken").asText(), "the original is not changed");
    }
}
