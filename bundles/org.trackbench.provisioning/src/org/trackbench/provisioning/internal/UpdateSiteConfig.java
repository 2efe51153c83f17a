package org.trackbench.provisioning.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Trackbench updates", description = "Where the product's updates come from.")
@interface UpdateSiteConfig {

    @AttributeDefinition(name = "Update site", description = "The p2 repository (a folder or an https URL) that"
            + " trackbench:update and Help > Check for Updates use when none is given; empty: ask each time.")
    String updateSite() default "";
}
