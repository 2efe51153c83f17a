package org.trackbench.server.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackbench.testing.ApiContract;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The contract check the client's tests rely on refuses what docs/api/openapi.yaml does not document. */
class ApiContractTest {

    private static final String VALID = "{\"clientId\":\"a1\",\"queue\":{\"pending\":1},\"healthIntervalSeconds\":60,"
            + "\"reportedAt\":\"2026-11-30T08:00:00Z\"";

    @ParameterizedTest
    @ValueSource(strings = { ",\"syncState\":\"ONLINE\"}", ",\"undocumented\":1}", ",\"lastDeliveryAt\":\"yesterday\"}",
            ",\"queue\":{\"pending\":\"one\"}}", ",\"healthIntervalSeconds\":0}", ",\"productVersion\":null}" })
    void whatTheDocumentDoesNotAllowIsAViolation(String ending) throws Exception {
        ApiContract contract = ApiContract.load();
        contract.assertConforms("ClientHealth", new ObjectMapper().readTree(VALID + "}"));

        AssertionError violation = assertThrows(AssertionError.class,
                () -> contract.assertConforms("ClientHealth", new ObjectMapper().readTree(VALID + ending)));
        assertTrue(violation.getMessage().contains("does not conform to ClientHealth"), violation.getMessage());
    }
}
