package org.trackbench.export;

/** Told of each page written, and asked between pages whether to stop. */
public interface ExportProgress {

    /** No one watches and the export always runs to its end. */
    ExportProgress NONE = new ExportProgress() {
        @Override
        public void worked(int items) {
            // Nothing shows the progress.
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code items} more were written. */
    void worked(int items);

    /** Whether the export should stop; the file it was writing is then not created. */
    boolean cancelled();
}
