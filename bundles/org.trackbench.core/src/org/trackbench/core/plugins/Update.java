package org.trackbench.core.plugins;

/**
 * A newer version of one of the product's own installable units (the product, or a feature it was installed with)
 * that a repository offers.
 *
 * @param id the unit's id, e.g. {@code org.trackbench.headless.product} or {@code org.trackbench.feature}
 * @param installed the version installed now
 * @param available the newer version the repository offers
 */
public record Update(String id, String installed, String available) {

    @Override
    public String toString() {
        return id + " " + installed + " -> " + available;
    }
}
