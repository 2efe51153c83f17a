/** The materialized headless product as a child process, and a person at its Gogo console over telnet. */
package org.trackbench.testing.product;
