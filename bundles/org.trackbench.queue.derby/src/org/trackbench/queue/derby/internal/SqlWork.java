package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done inside one database transaction. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
