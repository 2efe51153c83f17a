package org.trackbench.sync.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;

import org.apache.hc.core5.ssl.SSLContexts;

/**
 * The TLS context that trusts exactly the certificates of a PEM file (a private CA, a self-signed server),
 * for admins whose server is not signed by a CA the JDK knows. There is no way to trust everything.
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** @throws IllegalArgumentException naming the file and what would be accepted */
    static SSLContext context(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("trustedCertificates '" + pem + "' holds no certificate;"
                        + " expected a PEM file of X.509 certificates");
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("trusted-" + index++, certificate);
            }
            return SSLContexts.custom().loadTrustMaterial(trusted, null).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trustedCertificates '" + pem + "' cannot be read (" + e.getMessage()
                    + "); expected a readable PEM file of X.509 certificates", e);
        }
    }
}
