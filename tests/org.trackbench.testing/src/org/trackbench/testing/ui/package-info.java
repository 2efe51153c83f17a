/**
 * A workbench view made the way the workbench makes it, on a real display, for the UI tests and the Queue view
 * benchmark. Its SWT and e4 imports are optional: test runtimes without the workbench never load it.
 */
package org.trackbench.testing.ui;
