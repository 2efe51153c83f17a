package org.trackbench.server;

import java.net.URI;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** A running reference server. Faults take effect with the next request. */
@ProviderType
public interface ReferenceServer {

    /** Where it listens, e.g. {@code http://127.0.0.1:8470}. */
    URI baseUri();

    Faults faults();

    void setFaults(Faults faults);

    ServerStats stats();

    /** Every item applied, in the order it was applied; each idempotency key appears once. */
    List<AppliedItem> applied();
}
