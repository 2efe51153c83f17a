package org.trackbench.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDriver;

/**
 * The floor of the working-day benchmark, run as a JVM of its own: it opens the product's Derby database, reads it once,
 * says so and waits. What a product costs beyond this is its own.
 */
public final class DerbyFloor {

    static final String READY = "floor ready";

    private DerbyFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args[0]);
        try (Connection connection = new EmbeddedDriver().connect("jdbc:derby:" + database, new Properties());
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM TB_QUEUE_ITEM")) {
            count.next();
            System.out.println(READY + ": " + count.getLong(1) + " items in " + database);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
