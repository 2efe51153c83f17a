package org.trackbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A server key and self-signed certificate for {@code 127.0.0.1}, made by the JDK's {@code keytool} for one
 * test run: a PKCS#12 key store for the reference server, and the certificate as PEM and as a PKCS#12 trust store for
 * a client's trust.
 */
public final class SelfSignedCertificate {

    /** A password made up per run: no secret lives in the test sources. */
    public final String password = UUID.randomUUID().toString();
    public final Path keyStore;
    public final Path pem;
    /** The certificate alone as a trusted entry (same password), for a JVM's {@code javax.net.ssl.trustStore}. */
    public final Path trustStore;

    private SelfSignedCertificate(Path directory) {
        this.keyStore = directory.resolve("server.p12");
        this.pem = directory.resolve("server.pem");
        this.trustStore = directory.resolve("trust.p12");
    }

    public static SelfSignedCertificate create(Path directory) {
        SelfSignedCertificate certificate = new SelfSignedCertificate(directory);
        certificate.keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", certificate.keyStore.toString(), "-storepass", certificate.password);
        certificate.keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", certificate.keyStore.toString(),
                "-storepass", certificate.password, "-file", certificate.pem.toString());
        certificate.keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.pem.toString(),
                "-storetype", "PKCS12", "-keystore", certificate.trustStore.toString(), "-storepass",
                certificate.password);
        return certificate;
    }

    private void keytool(String... arguments) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(keyStore.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + keytool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running keytool", e);
        }
    }
}
