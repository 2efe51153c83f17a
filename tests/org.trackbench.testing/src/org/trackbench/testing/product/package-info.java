/** The materialized products as child processes, a person at the console socket, and a second user of the machine. */
package org.trackbench.testing.product;
