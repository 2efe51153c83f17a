package org.trackbench.server.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Trackbench reference server",
        description = "A tracking server implementing API v1 with fault injection, for demos and tests.")
@interface ServerConfig {

    @AttributeDefinition(name = "Host", description = "Address to listen on; keep it on loopback.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "TCP port; 0 picks a free one.", min = "0", max = "65535")
    int port() default ServerOptions.DEFAULT_PORT;

    @AttributeDefinition(name = "Access token", description = "The bearer token clients must send.",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String token();

    @AttributeDefinition(name = "Admin token", description = "The bearer token of the admin API (the fleet, deleting"
            + " time entries); empty: the admin API is closed.",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String adminToken() default "";

    @AttributeDefinition(name = "Data directory", description = "Where applied items are journaled; empty: in memory only.")
    String dataDirectory() default "";

    @AttributeDefinition(name = "Maximum body size (bytes)", min = "1")
    long maxBodyBytes() default ServerOptions.DEFAULT_MAX_BODY_BYTES;

    @AttributeDefinition(name = "TLS key store", description = "PKCS#12 file with the server's key and certificate;"
            + " empty: plain HTTP.")
    String keyStore() default "";

    @AttributeDefinition(name = "TLS key store password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String keyStorePassword() default "";

    @AttributeDefinition(name = "Fault seed", description = "Seed of the random that decides injected faults.")
    long faultSeed() default 1;
}
